-- Dated membership of a body (an agency of kind COMMITTEE, e.g. Ban vì sự tiến bộ của phụ nữ tỉnh): the members on a
-- rule's due date submit under a BODY_MEMBERS rule. PUT /api/agencies/{code}/members replaces the whole list.
create table agency_member (
    id           bigserial   primary key,
    body_code    varchar(40) not null references agency(code),
    member_code  varchar(40) not null references agency(code),
    valid_from   date        not null,
    valid_to     date,
    constraint agency_member_validity check (valid_to is null or valid_to >= valid_from),
    constraint agency_member_not_self check (body_code <> member_code)
);
create index agency_member_body_idx on agency_member(body_code, valid_from);

-- A membership change is audited in the body's history with the member list after it.
alter table agency_history add column members text;

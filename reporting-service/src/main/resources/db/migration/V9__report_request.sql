-- On-request reports (báo cáo chuyên đề, đột xuất khi có yêu cầu): a receiving agency asks, under a dateless thematic
-- or ad hoc rule, named submitters for one report by a due date; each recipient gets an obligation of period REQ-<id>.
create table report_request (
    id                 bigserial      primary key,
    plan_id            bigint         not null,
    plan_version       int            not null,
    rule_key           varchar(40)    not null,
    kind               varchar(30)    not null,
    receiving_agency   varchar(40)    not null,
    subject            varchar(300)   not null,
    instructions       varchar(4000)  not null,
    due_date           date           not null,
    -- Comma-separated: the agencies asked, and the targets / indicators the report must cover (empty = the rule's coverage).
    recipients         text           not null,
    target_keys        text           not null default '',
    indicator_codes    text           not null default '',
    state              varchar(20)    not null,
    requested_by       varchar(200)   not null,
    withdrawn_at       timestamptz,
    withdrawn_by       varchar(200),
    withdrawal_reason  varchar(1000),
    version            bigint         not null default 0,
    created_at         timestamptz    not null default now(),
    updated_at         timestamptz    not null default now(),
    constraint report_request_state check (state in ('OPEN', 'WITHDRAWN'))
);
create index report_request_receiver_idx on report_request(receiving_agency, plan_id);
create index report_request_plan_idx on report_request(plan_id, state);

-- The audit trail also records steps on a request (issued, withdrawn): the request view's history.
alter table report_event add column request_id bigint references report_request(id);
alter table report_event drop constraint report_event_subject;
alter table report_event add constraint report_event_subject
    check (report_id is not null or obligation_id is not null or request_id is not null);
create index report_event_request_idx on report_event(request_id);

alter table obligation add column request_id bigint references report_request(id);
create index obligation_request_idx on obligation(request_id);

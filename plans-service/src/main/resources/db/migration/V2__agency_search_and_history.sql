-- Free-text search without relying on the unaccent extension: the service keeps a folded copy
-- (lower case, no diacritics, đ → d) of code and names; rows written before this column existed are
-- filled in at start-up.
alter table agency add column search_text varchar(1000);

-- Every change to an agency (created, edited, retired), with a snapshot, so history stays readable
-- after renames and merges.
create table agency_history (
    id           bigserial     primary key,
    agency_code  varchar(40)   not null references agency(code),
    revision     bigint        not null,
    action       varchar(20)   not null,
    actor        varchar(200)  not null,
    at           timestamptz   not null default now(),
    snapshot     text          not null
);
create index agency_history_code_idx on agency_history(agency_code, id);
-- Who succeeded whom, read backwards: the predecessors whose duties an agency holds.
create index agency_successor_successor_idx on agency_successor(successor_code);

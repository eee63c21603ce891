-- Agencies (co quan, don vi): who reports. The code is stable and is what Keycloak tokens carry.
create table agency (
    code          varchar(40)  primary key,
    name_vi       varchar(300) not null,
    name_en       varchar(300) not null,
    kind          varchar(40)  not null,
    unit_code     varchar(40)  not null,
    parent_code   varchar(40)  references agency(code),
    valid_from    date         not null,
    valid_to      date,
    retired_note  varchar(1000),
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    constraint agency_validity check (valid_to is null or valid_to >= valid_from)
);
create index agency_unit_idx on agency(unit_code);
create index agency_parent_idx on agency(parent_code);

-- A retired agency hands its duties to one or more successors (merges, renames, splits).
create table agency_successor (
    agency_code    varchar(40) not null references agency(code),
    successor_code varchar(40) not null references agency(code),
    primary key (agency_code, successor_code),
    constraint agency_not_own_successor check (agency_code <> successor_code)
);

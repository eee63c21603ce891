-- Plans (Kế hoạch). The row holds what lists, search and authorization need; the whole document of each
-- version is kept as JSON in plan_version (drafts are edited in place as version 1; every amendment adds
-- a version, so history stays whole). plan_party and plan_responsibility index the current version.
create table plan (
    id               bigserial     primary key,
    code             varchar(60)   not null unique,
    document_number  varchar(100),
    title            varchar(1000) not null,
    kind             varchar(40)   not null,
    issuing_agency   varchar(40)   not null references agency(code),
    lead_agency      varchar(40)   references agency(code),
    unit_code        varchar(40)   not null,
    issue_date       date,
    period_from      int           not null,
    period_to        int           not null,
    parent_id        bigint        references plan(id),
    status           varchar(20)   not null,
    current_version  int           not null,
    search_text      text          not null,
    revision         bigint        not null default 0,
    created_at       timestamptz   not null,
    created_by       varchar(200)  not null,
    updated_at       timestamptz   not null,
    issued_at        timestamptz,
    issued_by        varchar(200),
    closed_at        timestamptz,
    closed_by        varchar(200),
    constraint plan_period check (period_from <= period_to),
    constraint plan_status check (status in ('DRAFT', 'ISSUED', 'CLOSED')),
    constraint plan_not_own_parent check (parent_id is null or parent_id <> id)
);
create index plan_unit_idx on plan(unit_code);
create index plan_issuing_idx on plan(issuing_agency);
create index plan_lead_idx on plan(lead_agency);
create index plan_parent_idx on plan(parent_id);
create index plan_status_period_idx on plan(status, period_from, period_to);

create table plan_version (
    id          bigserial     primary key,
    plan_id     bigint        not null references plan(id) on delete cascade,
    number      int           not null,
    document    text          not null,
    created_at  timestamptz   not null,
    created_by  varchar(200)  not null,
    issued_at   timestamptz,
    issued_by   varchar(200),
    reason      varchar(2000),
    reference   varchar(300),
    constraint plan_version_unique unique (plan_id, number),
    constraint plan_version_positive check (number >= 1)
);

-- Every agency the current version names, and in which role (ISSUER, LEAD, RESPONSIBLE, ASSIGNED,
-- CONTENT_LEAD, CONTENT_COOPERATING, SUBMITTER, RECEIVER, COPY_TO): who may read it and the agency filter.
create table plan_party (
    id           bigserial    primary key,
    plan_id      bigint       not null references plan(id) on delete cascade,
    agency_code  varchar(40)  not null references agency(code),
    role         varchar(30)  not null,
    constraint plan_party_unique unique (plan_id, agency_code, role)
);
create index plan_party_agency_idx on plan_party(agency_code, plan_id);

-- One row per measure and responsible agency of the current version: "my targets".
create table plan_responsibility (
    id              bigserial    primary key,
    plan_id         bigint       not null references plan(id) on delete cascade,
    objective_key   varchar(40)  not null,
    target_key      varchar(40)  not null,
    measure_key     varchar(40)  not null,
    agency_code     varchar(40)  not null references agency(code),
    scope           varchar(500),
    indicator_code  varchar(80)  not null,
    constraint plan_responsibility_unique unique (plan_id, measure_key, agency_code)
);
create index plan_responsibility_agency_idx on plan_responsibility(agency_code, plan_id);

-- Who did what to a plan and when (created, updated, issued, amended, closed).
create table plan_history (
    id        bigserial     primary key,
    plan_id   bigint        not null references plan(id) on delete cascade,
    at        timestamptz   not null,
    actor     varchar(200)  not null,
    action    varchar(20)   not null,
    version   int           not null,
    revision  bigint        not null,
    detail    varchar(2000)
);
create index plan_history_plan_idx on plan_history(plan_id, id);

-- Transactional outbox: lifecycle events for reporting-service, written in the transaction that changes the
-- plan and delivered by a scheduled job until reporting-service answers 2xx (or 409: already known).
create table plan_outbox (
    id               bigserial     primary key,
    plan_id          bigint        not null references plan(id),
    plan_version     int           not null,
    event            varchar(20)   not null,
    idem_key         varchar(200)  not null unique,
    occurred_at      timestamptz   not null,
    attempts         int           not null default 0,
    next_attempt_at  timestamptz   not null,
    last_status      int,
    last_error       varchar(1000),
    delivered_at     timestamptz
);
create index plan_outbox_pending_idx on plan_outbox(next_attempt_at, id) where delivered_at is null;
create index plan_outbox_plan_idx on plan_outbox(plan_id, id);

-- Idempotency-Key records (vn.gems.common.idempotency.Idempotency).
create table idempotency_record (
    scope         varchar(300)  not null,
    idem_key      varchar(200)  not null,
    request_hash  varchar(64)   not null,
    status        int,
    body          text,
    location      varchar(2000),
    etag          varchar(200),
    created_at    timestamptz   not null default now(),
    primary key (scope, idem_key)
);

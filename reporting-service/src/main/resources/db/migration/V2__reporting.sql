-- The latest issued version of each plan this service has been told about (read from plans-service).
-- The document is kept so consolidation never needs plans-service on its hot path.
create table plan_ref (
    plan_id         bigint        primary key,
    plan_version    int           not null,
    status          varchar(30)   not null,
    number          varchar(100),
    title           varchar(1000),
    issuing_agency  varchar(40),
    lead_agency     varchar(40),
    unit_code       varchar(40),
    parent_plan_id  bigint,
    document        text          not null,
    updated_at      timestamptz   not null default now()
);
create index plan_ref_parent_idx on plan_ref(parent_plan_id);

-- What this service knows of the agencies it deals with (names for documents, units for values, successors).
create table agency_ref (
    code         varchar(40)   primary key,
    name_vi      varchar(300),
    name_en      varchar(300),
    unit_code    varchar(40),
    parent_code  varchar(40),
    valid_to     date,
    successors   varchar(1000),
    fetched_at   timestamptz   not null default now()
);

-- One duty to report: agency x report kind x period x due date x receiving agency.
create table obligation (
    id                  bigserial     primary key,
    plan_id             bigint        not null,
    plan_version        int           not null,
    rule_key            varchar(40)   not null,
    kind                varchar(30)   not null,
    period              varchar(20)   not null,
    due_date            date          not null,
    assigned_agency     varchar(40)   not null,
    agency              varchar(40)   not null,
    receiving_agency    varchar(40)   not null,
    unit_code           varchar(40),
    coverage            varchar(30)   not null,
    consolidates        varchar(40),
    state               varchar(20)   not null,
    reminder_stage      varchar(20)   not null default 'NONE',
    first_submitted_at  timestamptz,
    handed_over_from    varchar(40),
    cancelled_at        timestamptz,
    version             bigint        not null default 0,
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    constraint obligation_natural_key unique (plan_id, rule_key, period, assigned_agency),
    constraint obligation_state check (state in ('OPEN', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'CANCELLED'))
);
create index obligation_agency_idx on obligation(agency, state, due_date);
create index obligation_receiver_idx on obligation(receiving_agency, plan_id, period);
create index obligation_plan_period_idx on obligation(plan_id, period);

-- The report an agency writes for one obligation: a working draft plus every submitted version.
create table report (
    id                   bigserial    primary key,
    obligation_id        bigint       not null unique references obligation(id),
    agency               varchar(40)  not null,
    state                varchar(20)  not null,
    draft                text         not null,
    last_version_no      int          not null default 0,
    accepted_version_no  int,
    first_submitted_at   timestamptz,
    last_submitted_at    timestamptz,
    accepted_at          timestamptz,
    created_by           varchar(200) not null,
    version              bigint       not null default 0,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    constraint report_state check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'))
);
create index report_agency_idx on report(agency);

create table report_version (
    report_id        bigint       not null references report(id),
    number           int          not null,
    content          text         not null,
    submitted_at     timestamptz  not null,
    submitted_by     varchar(200) not null,
    late             boolean      not null,
    days_late        int          not null,
    review_outcome   varchar(20),
    review_comments  text,
    reviewed_by      varchar(200),
    reviewed_at      timestamptz,
    primary key (report_id, number),
    constraint report_version_outcome check (review_outcome is null or review_outcome in ('RETURNED', 'ACCEPTED'))
);

-- Lifecycle trail of a report: who did what when.
create table report_event (
    id         bigserial     primary key,
    report_id  bigint        not null references report(id),
    action     varchar(30)   not null,
    actor      varchar(200)  not null,
    detail     varchar(2000),
    at         timestamptz   not null default now()
);
create index report_event_report_idx on report_event(report_id);

-- Evidence files: bytes kept in the database, type checked by sniffing, never fetched from a URL.
create table attachment (
    id            bigserial     primary key,
    report_id     bigint        not null references report(id),
    agency        varchar(40)   not null,
    filename      varchar(255)  not null,
    content_type  varchar(100)  not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    data          bytea         not null,
    created_by    varchar(200)  not null,
    created_at    timestamptz   not null default now()
);
create index attachment_report_idx on attachment(report_id);

-- Transactional outbox: accepted values waiting to reach indicators-service.
create table outbox_message (
    id               bigserial     primary key,
    topic            varchar(40)   not null,
    idem_key         varchar(200)  not null unique,
    payload          text          not null,
    status           varchar(20)   not null default 'PENDING',
    attempts         int           not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_error       varchar(2000),
    created_at       timestamptz   not null default now(),
    delivered_at     timestamptz,
    constraint outbox_status check (status in ('PENDING', 'DELIVERED', 'FAILED'))
);
create index outbox_pending_idx on outbox_message(status, next_attempt_at);

-- Reminders and lifecycle notices per agency; mailed when SMTP is switched on.
create table notification (
    id             bigserial      primary key,
    agency         varchar(40)    not null,
    kind           varchar(30)    not null,
    obligation_id  bigint         references obligation(id),
    report_id      bigint,
    message        varchar(2000)  not null,
    dedup_key      varchar(200)   not null unique,
    created_at     timestamptz    not null default now(),
    mailed_at      timestamptz
);
create index notification_agency_idx on notification(agency, created_at desc);

-- Consolidated reports the receiving agency has published for the public route.
create table published_consolidation (
    id                bigserial     primary key,
    plan_id           bigint        not null,
    period            varchar(20)   not null,
    receiving_agency  varchar(40)   not null,
    published_by      varchar(200)  not null,
    published_at      timestamptz   not null default now(),
    body              text          not null,
    version           bigint        not null default 0,
    constraint published_consolidation_key unique (plan_id, period, receiving_agency)
);

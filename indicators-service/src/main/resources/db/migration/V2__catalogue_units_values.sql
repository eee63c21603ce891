-- Reference data changes bump this counter in the same transaction; every instance compares it to decide
-- whether its in-memory catalogue and hierarchy are stale (one indexed read per request, no cache bus).
create table catalogue_revision (
    id       int    primary key check (id = 1),
    revision bigint not null
);
insert into catalogue_revision(id, revision) values (1, 0);

-- ---------------------------------------------------------------------------------------------------
-- Indicator catalogue (Chỉ số). The id is internal (compact keys in the values table); the code is the API.
create table indicator (
    id             serial        primary key,
    code           varchar(80)   not null unique,
    name_vi        varchar(500)  not null,
    name_en        varchar(500)  not null,
    definition_vi  varchar(4000),
    definition_en  varchar(4000),
    measure_unit   varchar(20)   not null,
    value_type     varchar(10)   not null,
    subject        varchar(30)   not null,
    by_sex         boolean       not null,
    dimensions     varchar(4000) not null default '[]',
    aggregation    varchar(10)   not null,
    multiplier     numeric,
    numerator_vi   varchar(1000),
    numerator_en   varchar(1000),
    denominator_vi varchar(1000),
    denominator_en varchar(1000),
    direction      varchar(10)   not null,
    periodicity    varchar(12)   not null,
    version        bigint        not null default 0,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    constraint indicator_ratio_has_multiplier check (aggregation <> 'RATIO' or multiplier is not null)
);

-- Who supplies an indicator, named by sector (ngành), not by agency: the catalogue serves every province.
create table indicator_sector (
    indicator_id int         not null references indicator(id),
    sector       varchar(40) not null,
    primary key (indicator_id, sector)
);

-- Which agency plays a sector's part for an administrative unit (and its territory), over time.
create table supplier_assignment (
    id          bigserial   primary key,
    sector      varchar(40) not null,
    unit_code   varchar(40) not null,
    agency_code varchar(40) not null,
    valid_from  date        not null,
    valid_to    date,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    constraint supplier_assignment_unique unique (sector, unit_code, agency_code, valid_from),
    constraint supplier_assignment_validity check (valid_to is null or valid_to >= valid_from)
);
create index supplier_assignment_agency_idx on supplier_assignment(agency_code);

-- ---------------------------------------------------------------------------------------------------
-- Administrative units (đơn vị hành chính) with their history: names and parents are dated rows, and
-- restructuring events (merge, split, rename, re-parent) say which unit's territory went where.
create table admin_unit (
    id         serial      primary key,
    code       varchar(40) not null unique,
    level      varchar(10) not null,
    valid_from date        not null,
    valid_to   date,
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint admin_unit_validity check (valid_to is null or valid_to >= valid_from)
);

create table unit_name (
    id         serial       primary key,
    unit_id    int          not null references admin_unit(id),
    name_vi    varchar(300) not null,
    name_en    varchar(300) not null,
    valid_from date         not null,
    valid_to   date,
    constraint unit_name_validity check (valid_to is null or valid_to >= valid_from)
);
create index unit_name_unit_idx on unit_name(unit_id);

create table unit_parent (
    id         serial  primary key,
    unit_id    int     not null references admin_unit(id),
    parent_id  int     not null references admin_unit(id),
    valid_from date    not null,
    valid_to   date,
    constraint unit_parent_not_self check (unit_id <> parent_id),
    constraint unit_parent_validity check (valid_to is null or valid_to >= valid_from)
);
create index unit_parent_unit_idx on unit_parent(unit_id);
create index unit_parent_parent_idx on unit_parent(parent_id);

create table unit_event (
    id             bigserial     primary key,
    kind           varchar(10)   not null,
    effective_date date          not null,
    legal_basis    varchar(500),
    note           varchar(2000),
    new_name_vi    varchar(300),
    new_name_en    varchar(300),
    created_by     varchar(200)  not null,
    created_at     timestamptz   not null default now()
);
create index unit_event_date_idx on unit_event(effective_date);

-- FROM: units whose territory moves (merged, split, re-parented, renamed); TO: where it goes;
-- MOVED: children a merge or split re-parented along with the territory.
create table unit_event_part (
    event_id bigint      not null references unit_event(id),
    position int         not null,
    unit_id  int         not null references admin_unit(id),
    role     varchar(10) not null,
    primary key (event_id, position)
);
create index unit_event_part_unit_idx on unit_event_part(unit_id);

-- ---------------------------------------------------------------------------------------------------
-- Every write of values (a file push, a JSON batch, a single upsert) is one batch: it is the value's
-- source (which report / push / system, who, when) and, for file pushes, the job resource with progress.
create table value_push (
    id                bigserial     primary key,
    kind              varchar(10)   not null,
    status            varchar(12)   not null,
    mode              varchar(10)   not null,
    format            varchar(10),
    dry_run           boolean       not null default false,
    on_error          varchar(10)   not null,
    committed         boolean       not null default false,
    source_kind       varchar(10)   not null,
    source_reference  varchar(300),
    source_agency     varchar(40),
    source_system     varchar(100),
    slice             varchar(4000),
    created_by        varchar(200)  not null,
    created_at        timestamptz   not null default now(),
    finished_at       timestamptz,
    rows_read         bigint        not null default 0,
    rows_accepted     bigint        not null default 0,
    rows_rejected     bigint        not null default 0,
    inserted          bigint        not null default 0,
    updated           bigint        not null default 0,
    unchanged         bigint        not null default 0,
    retired           bigint        not null default 0,
    retained_foreign  bigint        not null default 0,
    message           varchar(2000),
    content_sha256    varchar(64),
    idem_scope        varchar(300),
    idem_key          varchar(200),
    response_status   int,
    constraint value_push_idempotency unique (idem_scope, idem_key)
);

create table value_push_rejection (
    push_id     bigint        not null references value_push(id),
    seq         int           not null,
    line        bigint        not null,
    column_name varchar(80),
    code        varchar(60)   not null,
    message     varchar(1000) not null,
    primary key (push_id, seq)
);

-- ---------------------------------------------------------------------------------------------------
-- The current value per natural key. Written only set-based (COPY into a staging table, then one merge);
-- no foreign keys on purpose: the single write path validates ids against the catalogue, and the
-- per-row RI triggers would cost a third of the bulk-push throughput.
-- sex: F, M, T, or '-' for indicators not collected by sex; dims: canonical 'ethnicity:MINORITY,...' or ''.
-- status: P provisional, F final. The primary key serves every read: series, roll-ups, slices.
create table indicator_value (
    indicator_id int          not null,
    unit_id      int          not null,
    period       varchar(8)   not null,
    sex          char(1)      not null,
    dims         varchar(200) not null,
    value        numeric      not null,
    numerator    numeric,
    denominator  numeric,
    status       char(1)      not null,
    batch_id     bigint       not null,
    primary key (indicator_id, unit_id, period, sex, dims)
);

-- Audit history: every superseded (U) or retired (R) version, with the batch that wrote it and the batch
-- that replaced it. The current version lives in indicator_value; together they are the full history.
create table indicator_value_history (
    indicator_id  int          not null,
    unit_id       int          not null,
    period        varchar(8)   not null,
    sex           char(1)      not null,
    dims          varchar(200) not null,
    value         numeric      not null,
    numerator     numeric,
    denominator   numeric,
    status        char(1)      not null,
    batch_id      bigint       not null,
    change        char(1)      not null,
    superseded_by bigint       not null,
    superseded_at timestamptz  not null default now()
);
create index indicator_value_history_key_idx on indicator_value_history(indicator_id, unit_id, period);

-- Published data sets (indicator × period × unit territory): the public portal shows their final values.
create table publication (
    id               bigserial   primary key,
    indicator_id     int         not null references indicator(id),
    period           varchar(8)  not null,
    unit_id          int         not null references admin_unit(id),
    published_by     varchar(200) not null,
    published_agency varchar(40),
    published_at     timestamptz not null default now(),
    constraint publication_unique unique (indicator_id, period, unit_id)
);

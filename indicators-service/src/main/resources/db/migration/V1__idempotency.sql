-- Idempotency-Key reservations and the answers they replay (see vn.gems.common.idempotency.Idempotency).
create table idempotency_record (
    scope        varchar(300) not null,
    idem_key     varchar(200) not null,
    request_hash varchar(64)  not null,
    status       int,
    body         text,
    location     varchar(2000),
    etag         varchar(200),
    created_at   timestamptz  not null default now(),
    primary key (scope, idem_key)
);

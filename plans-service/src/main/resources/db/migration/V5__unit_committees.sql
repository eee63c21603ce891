-- Where plans-service stands in indicators-service's unit change feed (GET /api/unit-events): the last sequence
-- number whose change was applied to the People's Committees (agencies PC-<unit code>). Advanced in the same
-- transaction that applies the changes, under pg_try_advisory_xact_lock, so one replica applies each change once.
create table unit_feed_cursor (
    feed       varchar(40) primary key,
    last_seq   bigint      not null,
    updated_at timestamptz not null default now()
);
insert into unit_feed_cursor(feed, last_seq) values ('indicators-units', 0);

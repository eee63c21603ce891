-- The unit change feed (GET /api/unit-events): one row per unit per change, written in the transaction that
-- changes the unit. Other services (plans-service: People's Committees) follow it by sequence number.
-- The sequence is a counter row, not a PostgreSQL sequence: the row lock taken by the increment is held until
-- commit, so feed rows become visible in sequence order with no gaps, and a follower that has read up to n has
-- missed nothing below n (a sequence can commit 7 before 6 and let a reader skip 6).
create table unit_change_head (
    id       int    primary key check (id = 1),
    last_seq bigint not null
);
insert into unit_change_head(id, last_seq) values (1, 0);

create table unit_change (
    seq            bigint       primary key,
    kind           varchar(12)  not null,
    unit_code      varchar(40)  not null,
    level          varchar(10)  not null,
    parent_code    varchar(40),
    name_vi        varchar(300) not null,
    name_en        varchar(300) not null,
    effective_date date         not null,
    -- comma-separated unit codes that take over the unit's territory (MERGED, SPLIT); empty otherwise
    successors     varchar(2000) not null default '',
    event_id       bigint       references unit_event(id),
    recorded_at    timestamptz  not null default now()
);
create index unit_change_unit_idx on unit_change(unit_code);

-- Units that existed before the feed get a CREATED row (with their latest name: renames made before the feed are
-- not replayed) and, when they have ended, a MERGED or ABOLISHED row, so a follower starting at 0 sees every unit.
-- Ordered by validity start so a parent comes before its children.
insert into unit_change(seq, kind, unit_code, level, parent_code, name_vi, name_en, effective_date, successors)
select row_number() over (order by u.valid_from, u.id), 'CREATED', u.code, u.level,
       (select p.code from unit_parent up join admin_unit p on p.id = up.parent_id
         where up.unit_id = u.id order by up.valid_from limit 1),
       n.name_vi, n.name_en, u.valid_from, ''
from admin_unit u
join lateral (select name_vi, name_en from unit_name where unit_id = u.id order by valid_from desc limit 1) n on true;
insert into unit_change(seq, kind, unit_code, level, parent_code, name_vi, name_en, effective_date, successors, event_id)
select (select coalesce(max(seq), 0) from unit_change) + row_number() over (order by u.valid_to, u.id),
       case when e.id is null then 'ABOLISHED' when e.kind = 'MERGE' then 'MERGED' else 'SPLIT' end, u.code, u.level, null, n.name_vi, n.name_en,
       u.valid_to + 1,
       coalesce((select string_agg(t.code, ',' order by tp.position) from unit_event_part tp join admin_unit t on t.id = tp.unit_id
                  where tp.event_id = e.id and tp.role = 'TO' and t.id <> u.id), ''), e.id
from admin_unit u
join lateral (select name_vi, name_en from unit_name where unit_id = u.id order by valid_from desc limit 1) n on true
left join lateral (select ev.id, ev.kind from unit_event ev
                    join unit_event_part fp on fp.event_id = ev.id and fp.role = 'FROM' and fp.unit_id = u.id
                   where ev.effective_date = u.valid_to + 1 and ev.kind in ('MERGE', 'SPLIT') order by ev.id desc limit 1) e on true
where u.valid_to is not null;
update unit_change_head set last_seq = (select coalesce(max(seq), 0) from unit_change);

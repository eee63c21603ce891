-- The common outbox (vn.gems.common.outbox.TransactionalOutbox): an explicit status (FAILED = dead-lettered after
-- too many attempts, until requeued), a lease (owner + end) so replicas never send one event at the same time and a
-- lease left by a dead instance runs out, and failures as a stable code and a sentence, never an exception's text.
alter table plan_outbox
    add column status           varchar(20)   not null default 'PENDING',
    add column lease_owner      varchar(200),
    add column lease_until      timestamptz,
    add column last_error_code  varchar(60),
    add constraint plan_outbox_status check (status in ('PENDING', 'DELIVERED', 'FAILED'));
update plan_outbox set status = 'DELIVERED' where delivered_at is not null;

-- Earlier versions stored exception class names and messages here; keep only that there was a failure.
update plan_outbox set last_error_code = 'DELIVERY_FAILED',
       last_error = 'The delivery failed (recorded before failure codes were kept).'
 where last_error is not null;

drop index if exists plan_outbox_pending_idx;
create index plan_outbox_due_idx on plan_outbox(next_attempt_at, id) where status = 'PENDING';
create index plan_outbox_open_idx on plan_outbox(plan_id, id) where status <> 'DELIVERED';

-- Scheduled jobs run once per slot across replicas (vn.gems.common.jobs.JobSlots): the instance that inserts
-- (job, slot) first runs the job, the others skip. Slots are the job's period on the database clock.
create table job_run (
    job         varchar(60)   not null,
    slot        bigint        not null,
    owner       varchar(200)  not null,
    claimed_at  timestamptz   not null default now(),
    primary key (job, slot)
);

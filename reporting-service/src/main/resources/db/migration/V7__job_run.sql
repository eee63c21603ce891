-- Scheduled jobs run once per slot across replicas (vn.gems.common.jobs.JobSlots): the instance that inserts
-- (job, slot) first runs the job, the others skip. Slots are the job's period on the database clock.
create table job_run (
    job         varchar(60)   not null,
    slot        bigint        not null,
    owner       varchar(200)  not null,
    claimed_at  timestamptz   not null default now(),
    primary key (job, slot)
);

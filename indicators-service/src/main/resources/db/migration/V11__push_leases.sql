-- A running push is claimed by one instance (owner) for one attempt, with a lease the owner renews while it works.
-- The final status commits in the same transaction as the values and only while the claim is still the owner's
-- (owner and attempt match), so a push whose lease ran out and was failed or taken over can never turn SUCCEEDED.
-- A lease that ran out means the owner died: any instance marks the push FAILED (PUSH_INTERRUPTED, nothing written);
-- a retry with the same Idempotency-Key runs it again as the next attempt.
alter table value_push add column owner varchar(120);
alter table value_push add column attempt int not null default 1;
alter table value_push add column lease_until timestamptz;
create index value_push_running_idx on value_push(lease_until) where status in ('RECEIVING', 'VALIDATING', 'MERGING');

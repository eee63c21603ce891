-- The common outbox (vn.gems.common.outbox.TransactionalOutbox): a claimed message is leased to one instance
-- (owner + lease end) so replicas never send it at the same time, and a lease left by a dead instance runs out.
-- Failures are kept as a stable code and a sentence, never an exception's text.
alter table outbox_message
    add column lease_owner      varchar(200),
    add column lease_until      timestamptz,
    add column last_error_code  varchar(60);

-- Earlier versions stored exception messages here; keep only that there was a failure.
update outbox_message set last_error_code = 'DELIVERY_FAILED',
       last_error = 'The delivery failed (recorded before failure codes were kept).'
 where last_error is not null;

drop index if exists outbox_pending_idx;
create index outbox_message_due_idx on outbox_message(next_attempt_at, id) where status = 'PENDING';

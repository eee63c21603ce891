-- Mailing notices goes through the common outbox (vn.gems.common.outbox.TransactionalOutbox): a notice is claimed
-- with a lease and an owner, so two replicas never mail the same notice; SMTP failures back off; a notice that cannot
-- be mailed (no recipient configured for its agency, or too many SMTP failures) is marked FAILED with a code and no
-- longer holds up the queue (before, 100 notices without a recipient stopped all mail). The columns concern the mail
-- only: "delivered" means mailed.
alter table notification rename column mailed_at to delivered_at;
alter table notification
    add column status           varchar(20)   not null default 'PENDING',
    add column attempts         int           not null default 0,
    add column next_attempt_at  timestamptz   not null default now(),
    add column lease_owner      varchar(200),
    add column lease_until      timestamptz,
    add column last_error_code  varchar(60),
    add column last_error       varchar(1000),
    add constraint notification_mail_status check (status in ('PENDING', 'DELIVERED', 'FAILED'));
comment on column notification.status is 'Mail of the notice: PENDING, DELIVERED (mailed), FAILED (not mailable; see last_error_code)';
update notification set status = 'DELIVERED' where delivered_at is not null;
create index notification_mail_due_idx on notification(next_attempt_at, id) where status = 'PENDING';

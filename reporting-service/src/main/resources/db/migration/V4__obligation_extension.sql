-- Due-date extensions (gia hạn nộp báo cáo): due_date is the date in force; original_due_date keeps the plan's date
-- once the receiving agency has extended it (null = never extended).
alter table obligation add column original_due_date date;
alter table obligation add column extension_reason varchar(1000);

-- The audit trail also records steps on an obligation, which may come before its report exists.
alter table report_event alter column report_id drop not null;
alter table report_event add column obligation_id bigint references obligation(id);
alter table report_event add constraint report_event_subject check (report_id is not null or obligation_id is not null);
create index report_event_obligation_idx on report_event(obligation_id);

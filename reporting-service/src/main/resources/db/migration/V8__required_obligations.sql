-- Required vs invited submitters (issue 13): an invited body (Đề nghị: Women's Union, Fatherland Front, press) gets an
-- obligation and reminders and may submit, but is reported apart and never counts in completeness or timeliness.
alter table obligation add column required boolean not null default true;
create index obligation_plan_period_required_idx on obligation(plan_id, period, required);

-- A rule may consolidate several rules (6-month and thematic into one): their keys, comma-separated.
alter table obligation alter column consolidates type varchar(400);

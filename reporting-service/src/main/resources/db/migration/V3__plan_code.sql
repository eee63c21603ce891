-- The plan's stable code (e.g. TTH-BDG-2021-2025), so reports can be filed by reference.
alter table plan_ref add column code varchar(60);
create index plan_ref_code_idx on plan_ref(code);

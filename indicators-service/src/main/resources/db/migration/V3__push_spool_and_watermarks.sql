-- What an identical re-push needs to be recognised without reading the data again: the push's content hash,
-- its settings and the catalogue revision it was validated against, and which slices (indicator × period) it touched.
alter table value_push add column default_status char(1);
alter table value_push add column catalogue_revision bigint;
alter table value_push add column touched varchar(4000);
create index value_push_content_idx on value_push(content_sha256) where content_sha256 is not null;

-- The last batch that changed any value of a slice (indicator × period). Every write goes through the merge, which
-- moves it in the same transaction. A slice without a row has never held a value: a push into such slices only can
-- be copied straight into the values table; a push whose slices have not moved since is still what the table holds.
create table value_watermark (
    indicator_id int        not null,
    period       varchar(8) not null,
    last_batch   bigint     not null,
    primary key (indicator_id, period)
);

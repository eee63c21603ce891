-- Issue 13 (scale): obligation ids are taken 50 at a time (Hibernate's pooled optimizer) so a plan's new obligations
-- are written in JDBC batches. A row inserted by SQL with the column default still takes one value of the sequence;
-- the pooled blocks end on the values the sequence hands out, so the two never collide.
alter sequence obligation_id_seq increment by 50;

-- Issue 13 (scale): a roll-up over a large territory (the country: 3,333 units) reads the whole slice of one indicator,
-- period and dimensions in one index range and keeps the territory's units in memory (RollupService.SLICE_UNITS),
-- instead of one primary-key descent per unit. Values arrive in pushes of one indicator and period, so a slice's rows
-- lie together in the table. "if not exists": an operator may build it beforehand with "create index concurrently".
create index if not exists indicator_value_slice_idx on indicator_value (indicator_id, period, dims);

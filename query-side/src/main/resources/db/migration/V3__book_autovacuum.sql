-- The listings read query.book through index-only scans, which skip the table only for pages the
-- visibility map marks all-visible; updates (and loans and sales to come) clear those marks. At the
-- default thresholds (20 % of the rows) a 400k-book catalog went 100k+ changes without a vacuum,
-- and page 1000 of a listing took several times longer (docs/benchmarks.md). Vacuum and analyse it
-- after 2 % instead.
alter table query.book set (
    autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_insert_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.02
);

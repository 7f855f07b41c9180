-- Adds :count signals straight into PostgreSQL, as if the bench-* products' stable releases had
-- reported them over the 30 days before the canary of bench-00 started. It keeps every derived
-- number consistent with the signals table, as the server keeps them when it stores a signal:
--   releases.success_count / failure_count        the counters the analysis reads,
--   signal_counts_hourly                           the dashboard's hourly counters (band 0, no canary),
--   the canary's baseline_successes / _failures    the stable's counters at canary start, because
--                                                  these signals are older than the canary.
-- One signal in 50 is a failure. Run with: psql -v count=N -f load-signals.sql
\set ON_ERROR_STOP on

BEGIN;

CREATE TEMP TABLE bulk_releases ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY p.name) - 1)::int AS idx, r.id AS release_id
FROM releases r
JOIN products p ON p.id = r.product_id
WHERE r.status = 'stable' AND p.name LIKE 'bench-%';

-- The window ends one minute before the canary started, so no stored signal is newer than it.
CREATE TEMP TABLE bulk_window ON COMMIT DROP AS
SELECT release_date - interval '30 days' AS first_at,
       extract(epoch FROM interval '30 days' - interval '1 minute') AS span_seconds,
       (SELECT count(*) FROM bulk_releases)::int AS release_count
FROM releases
WHERE status = 'canary';

INSERT INTO signals (id, release_id, instance_id, description, status, is_canary, band, created_at)
SELECT gen_random_uuid(),
       b.release_id,
       'bulk-' || (g.i % 5000),
       'nightly run',
       CASE WHEN g.i % 50 = 0 THEN 'failed' ELSE 'success' END,
       false,
       NULL,
       w.first_at + make_interval(secs => w.span_seconds * g.i / :count)
FROM bulk_window w
CROSS JOIN generate_series(1, :count) AS g(i)
JOIN bulk_releases b ON b.idx = g.i % w.release_count;

-- The same rows again, summed per release and hour, without reading the signals table back.
CREATE TEMP TABLE bulk_counts ON COMMIT DROP AS
SELECT b.release_id,
       date_trunc('hour', (w.first_at + make_interval(secs => w.span_seconds * g.i / :count))
                          AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour_start,
       count(*) FILTER (WHERE g.i % 50 <> 0) AS successes,
       count(*) FILTER (WHERE g.i % 50 = 0) AS failures
FROM bulk_window w
CROSS JOIN generate_series(1, :count) AS g(i)
JOIN bulk_releases b ON b.idx = g.i % w.release_count
GROUP BY 1, 2;

INSERT INTO signal_counts_hourly (release_id, hour_start, band, is_canary, successes, failures)
SELECT release_id, hour_start, 0, false, successes, failures
FROM bulk_counts
ON CONFLICT (release_id, hour_start, band, is_canary) DO UPDATE
SET successes = signal_counts_hourly.successes + EXCLUDED.successes,
    failures = signal_counts_hourly.failures + EXCLUDED.failures;

CREATE TEMP TABLE bulk_totals ON COMMIT DROP AS
SELECT release_id, sum(successes) AS successes, sum(failures) AS failures
FROM bulk_counts
GROUP BY release_id;

UPDATE releases r
SET success_count = r.success_count + t.successes,
    failure_count = r.failure_count + t.failures
FROM bulk_totals t
WHERE r.id = t.release_id;

UPDATE releases c
SET baseline_successes = c.baseline_successes + t.successes,
    baseline_failures = c.baseline_failures + t.failures
FROM bulk_totals t
WHERE c.baseline_release_id = t.release_id AND c.status = 'canary';

COMMIT;

VACUUM ANALYZE signals;
VACUUM ANALYZE signal_counts_hourly;

-- Hourly signal counters for the dashboard and GET /metrics/releases, kept up to date as signals
-- arrive so that neither ever scans the signals table. Runs unchanged on PostgreSQL and on H2 in
-- PostgreSQL mode.

CREATE TABLE signal_counts_hourly (
    release_id UUID    NOT NULL REFERENCES releases (id),
    -- Start of the hour in UTC; the row counts signals stored from then until one hour later.
    hour_start TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The canary's band when the signals arrived, 0 when no canary was in flight.
    band       INTEGER NOT NULL,
    is_canary  BOOLEAN NOT NULL,
    successes  BIGINT  NOT NULL,
    failures   BIGINT  NOT NULL,
    CONSTRAINT signal_counts_hourly_pkey PRIMARY KEY (release_id, hour_start, band, is_canary)
);

-- For time-window queries over every product.
CREATE INDEX signal_counts_hourly_hour_idx ON signal_counts_hourly (hour_start);

-- Counts the signals stored before this migration. "AT TIME ZONE 'UTC'" twice truncates to the UTC
-- hour whatever the session's time zone, on both databases.
INSERT INTO signal_counts_hourly (release_id, hour_start, band, is_canary, successes, failures)
SELECT release_id, hour_start, band, is_canary, SUM(success), SUM(1 - success)
FROM (
    SELECT release_id,
           date_trunc('hour', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour_start,
           COALESCE(band, 0) AS band,
           is_canary,
           CASE WHEN status = 'success' THEN 1 ELSE 0 END AS success
    FROM signals
) stored
GROUP BY release_id, hour_start, band, is_canary;

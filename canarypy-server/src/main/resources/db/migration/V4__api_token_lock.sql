-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- A single row. A request that creates the first API token locks it before it checks that no token
-- exists, so two such requests on any number of replicas cannot both succeed. An empty table has no
-- row to lock, hence this separate one.
CREATE TABLE api_token_lock (
    id INT PRIMARY KEY
);
INSERT INTO api_token_lock (id) VALUES (1);

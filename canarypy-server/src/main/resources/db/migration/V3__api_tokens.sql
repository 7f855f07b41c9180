-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- API tokens. The token itself is never stored: only its SHA-256 hash, to look it up, and its last
-- four characters, so that people can tell their tokens apart in a listing. Revoking deletes the row.
CREATE TABLE api_tokens (
    name       VARCHAR(100) PRIMARY KEY,
    scope      VARCHAR(16)  NOT NULL,
    -- Lowercase hex of the SHA-256 of the whole token, "cpy_" prefix included.
    token_hash VARCHAR(64)  NOT NULL,
    token_hint VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash)
);

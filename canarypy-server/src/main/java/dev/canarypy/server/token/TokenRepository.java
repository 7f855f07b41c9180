package dev.canarypy.server.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code api_tokens} table. */
@Repository
class TokenRepository {

  /** A stored token with its hash, for the in-memory lookup table. */
  record StoredToken(ApiToken token, String hash) {}

  private final JdbcClient jdbc;

  TokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ApiToken token, String hash) {
    jdbc.sql(
            "INSERT INTO api_tokens (name, scope, token_hash, token_hint, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            token.name(),
            token.scope().wireName(),
            hash,
            token.tokenHint(),
            OffsetDateTime.ofInstant(token.createdAt(), ZoneOffset.UTC))
        .update();
  }

  List<StoredToken> findAll() {
    return jdbc.sql(
            "SELECT name, scope, token_hash, token_hint, created_at FROM api_tokens ORDER BY name")
        .query(TokenRepository::map)
        .list();
  }

  /**
   * Locks the row that serialises the creation of a first token, until the transaction ends. Call
   * it inside a transaction.
   */
  void lockFirstTokenCreation() {
    jdbc.sql("SELECT id FROM api_token_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
  }

  boolean anyExist() {
    return jdbc.sql("SELECT COUNT(*) FROM api_tokens").query(Long.class).single() > 0;
  }

  boolean exists(String name) {
    return jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE name = ?")
            .param(name)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Deletes a token; returns whether it existed. */
  boolean delete(String name) {
    return jdbc.sql("DELETE FROM api_tokens WHERE name = ?").param(name).update() > 0;
  }

  private static StoredToken map(ResultSet row, int rowNumber) throws SQLException {
    String name = row.getString("name");
    String scopeName = row.getString("scope");
    TokenScope scope =
        TokenScope.parse(scopeName)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Token '" + name + "' has the unknown scope '" + scopeName + "'"));
    Instant createdAt = row.getObject("created_at", OffsetDateTime.class).toInstant();
    ApiToken token = new ApiToken(name, scope, row.getString("token_hint"), createdAt);
    return new StoredToken(token, row.getString("token_hash"));
  }
}

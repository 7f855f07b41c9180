package dev.canarypy.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseLocationTest {

  private static final String H2_OPTIONS =
      ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private static DatabaseLocation resolve(Map<String, String> settings) {
    return DatabaseLocation.resolve(settings::get);
  }

  private static void assertPasswordHidden(DatabaseLocation location, String password) {
    assertThat(location.description()).doesNotContain(password);
    assertThat(location.toString()).doesNotContain(password);
  }

  @Test
  void nothingSetIsEmbeddedH2UnderUserHome() {
    DatabaseLocation location = resolve(Map.of());

    Path file = Path.of(System.getProperty("user.home"), ".canarypy", "canarypy");
    assertThat(location.embedded()).isTrue();
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:h2:file:" + file + H2_OPTIONS);
    assertThat(location.description()).contains(file + ".mv.db");
  }

  @Test
  void canarypyHomeMovesEmbeddedH2() {
    DatabaseLocation location = resolve(Map.of("CANARYPY_HOME", "/tmp/canarypy-home"));

    assertThat(location.embedded()).isTrue();
    assertThat(location.jdbcUrl())
        .isEqualTo("jdbc:h2:file:/tmp/canarypy-home/canarypy" + H2_OPTIONS);
  }

  @Test
  void canarypyHomeExpandsTilde() {
    DatabaseLocation location = resolve(Map.of("CANARYPY_HOME", "~/data"));

    Path file = Path.of(System.getProperty("user.home"), "data", "canarypy");
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:h2:file:" + file + H2_OPTIONS);
  }

  @Test
  void libpqUriWithEveryPart() {
    DatabaseLocation location =
        resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgresql://user:pass@host:5433/db"));

    assertThat(location.embedded()).isFalse();
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/db");
    assertThat(location.username()).isEqualTo("user");
    assertThat(location.password()).isEqualTo("pass");
    assertPasswordHidden(location, "pass");
  }

  @Test
  void libpqUriWithoutPassword() {
    DatabaseLocation location =
        resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgresql://user@host:5433/db"));

    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/db");
    assertThat(location.username()).isEqualTo("user");
    assertThat(location.password()).isNull();
  }

  @Test
  void libpqUriWithoutPortUses5432() {
    DatabaseLocation location =
        resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgresql://user:pass@host/db"));

    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db");
  }

  @Test
  void postgresSchemeIsAccepted() {
    DatabaseLocation location =
        resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgres://user:pass@host:5433/db"));

    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/db");
    assertThat(location.username()).isEqualTo("user");
    assertThat(location.password()).isEqualTo("pass");
  }

  @Test
  void percentEncodedPasswordIsDecoded() {
    DatabaseLocation location =
        resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgresql://user:p%40ss@host/db"));

    assertThat(location.password()).isEqualTo("p@ss");
    assertPasswordHidden(location, "p@ss");
    assertPasswordHidden(location, "p%40ss");
  }

  @Test
  void plusInPasswordStaysPlus() {
    DatabaseLocation location =
        resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgresql://user:pa+ss@host/db"));

    assertThat(location.password()).isEqualTo("pa+ss");
  }

  @Test
  void percentEncodedUserAndDatabaseAreDecoded() {
    DatabaseLocation location =
        resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgresql://us%40er:pass@host/my%20db"));

    assertThat(location.username()).isEqualTo("us@er");
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/my db");
  }

  @Test
  void queryParametersPassThrough() {
    DatabaseLocation location =
        resolve(
            Map.of(
                "CANARYPY_DB_CONN_STRING", "postgresql://user:pass@host:5433/db?sslmode=require"));

    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/db?sslmode=require");
  }

  @Test
  void passwordInQueryIsNotDescribed() {
    DatabaseLocation location =
        resolve(
            Map.of(
                "CANARYPY_DB_CONN_STRING",
                "postgresql://user@host/db?password=query-secret&sslmode=require"));

    assertThat(location.jdbcUrl()).endsWith("?password=query-secret&sslmode=require");
    assertPasswordHidden(location, "query-secret");
  }

  @Test
  void ipv6HostKeepsBrackets() {
    DatabaseLocation location =
        resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgresql://user:pass@[::1]:5433/db"));

    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
    assertThat(location.username()).isEqualTo("user");
  }

  @Test
  void credentialsFallBackToVariables() {
    DatabaseLocation location =
        resolve(
            Map.of(
                "CANARYPY_DB_CONN_STRING", "postgresql://host:5433/db",
                "CANARYPY_DB_USER", "env-user",
                "CANARYPY_DB_PASSWORD", "env-secret"));

    assertThat(location.username()).isEqualTo("env-user");
    assertThat(location.password()).isEqualTo("env-secret");
    assertPasswordHidden(location, "env-secret");
  }

  @Test
  void libpqUriCredentialsWinOverVariables() {
    DatabaseLocation location =
        resolve(
            Map.of(
                "CANARYPY_DB_CONN_STRING", "postgresql://user:pass@host/db",
                "CANARYPY_DB_USER", "env-user",
                "CANARYPY_DB_PASSWORD", "env-secret"));

    assertThat(location.username()).isEqualTo("user");
    assertThat(location.password()).isEqualTo("pass");
  }

  @Test
  void libpqUriWithoutDatabaseUsesUserName() {
    DatabaseLocation location =
        resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgresql://alice@host"));

    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/alice");
  }

  @Test
  void jdbcUrlPassesThroughAsIs() {
    DatabaseLocation location =
        resolve(
            Map.of(
                "CANARYPY_DB_CONN_STRING", "jdbc:postgresql://db.internal:6432/canarypy",
                "CANARYPY_DB_USER", "canary",
                "CANARYPY_DB_PASSWORD", "jdbc-secret"));

    assertThat(location.embedded()).isFalse();
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/canarypy");
    assertThat(location.username()).isEqualTo("canary");
    assertThat(location.password()).isEqualTo("jdbc-secret");
    assertPasswordHidden(location, "jdbc-secret");
  }

  @Test
  void jdbcDescriptionHidesCredentials() {
    String[] urls = {
      "jdbc:postgresql://host/db?user=u&password=url-secret",
      "jdbc:h2:file:/tmp/x/db;USER=sa;PASSWORD=url-secret",
      "jdbc:postgresql://u:url-secret@host/db"
    };
    for (String url : urls) {
      DatabaseLocation location = resolve(Map.of("CANARYPY_DB_CONN_STRING", url));

      assertThat(location.jdbcUrl()).isEqualTo(url);
      assertThat(location.description()).as(url).doesNotContain("url-secret");
      assertThat(location.toString()).as(url).doesNotContain("url-secret");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2:/tmp/x/canarypy", "h2:/tmp/x/canarypy.mv.db"})
  void h2PathWithOrWithoutFileEnding(String connString) {
    DatabaseLocation location = resolve(Map.of("CANARYPY_DB_CONN_STRING", connString));

    assertThat(location.embedded()).isTrue();
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:h2:file:/tmp/x/canarypy" + H2_OPTIONS);
    assertThat(location.description()).contains("/tmp/x/canarypy.mv.db");
  }

  @Test
  void h2WithoutPathIsRejected() {
    assertThatThrownBy(() -> resolve(Map.of("CANARYPY_DB_CONN_STRING", "h2:")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CANARYPY_DB_CONN_STRING");
  }

  @Test
  void separateParts() {
    DatabaseLocation location =
        resolve(
            Map.of(
                "CANARYPY_DB_HOST", "db.internal",
                "CANARYPY_DB_PORT", "6543",
                "CANARYPY_DB_NAME", "canarypy",
                "CANARYPY_DB_USER", "canary",
                "CANARYPY_DB_PASSWORD", "part-secret"));

    assertThat(location.embedded()).isFalse();
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/canarypy");
    assertThat(location.username()).isEqualTo("canary");
    assertThat(location.password()).isEqualTo("part-secret");
    assertThat(location.description()).contains("db.internal:6543").contains("canarypy");
    assertPasswordHidden(location, "part-secret");
  }

  @Test
  void separatePartsDefaultToLocalhostAnd5432() {
    DatabaseLocation location =
        resolve(Map.of("CANARYPY_DB_NAME", "canarypy", "CANARYPY_DB_USER", "canary"));

    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/canarypy");
  }

  @Test
  void connStringWinsOverParts() {
    DatabaseLocation location =
        resolve(
            Map.of(
                "CANARYPY_DB_CONN_STRING", "postgresql://user@from-uri/db",
                "CANARYPY_DB_HOST", "from-parts"));

    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://from-uri:5432/db");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mysql://user:s3cr3t@host/db",
        "not a url",
        "postgresql://user:s3cr3t@host:abc/db",
        "postgresql://user:s3cr3t@host:5432:5433/db",
        "postgresql://us@er:s3cr3t@host/db"
      })
  void malformedConnStringNamesVariable(String connString) {
    assertThatThrownBy(() -> resolve(Map.of("CANARYPY_DB_CONN_STRING", connString)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CANARYPY_DB_CONN_STRING")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void invalidPercentEncodingHidesPassword() {
    assertThatThrownBy(
            () -> resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgresql://user:se%zzcret@host/db")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CANARYPY_DB_CONN_STRING")
        .hasMessageNotContaining("zz")
        .hasMessageNotContaining("cret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "54x", "0", "65536", "99999"})
  void invalidPortVariableNamesVariable(String port) {
    assertThatThrownBy(
            () -> resolve(Map.of("CANARYPY_DB_HOST", "db.internal", "CANARYPY_DB_PORT", port)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CANARYPY_DB_PORT")
        .hasMessageContaining(port);
  }

  @Test
  void uriPortOutOfRange() {
    assertThatThrownBy(
            () -> resolve(Map.of("CANARYPY_DB_CONN_STRING", "postgresql://user@host:70000/db")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CANARYPY_DB_CONN_STRING")
        .hasMessageContaining("70000");
  }
}

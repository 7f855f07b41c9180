package dev.canarypy.server.system;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the server keeps its data: a JDBC URL with its credentials, resolved from the {@code
 * CANARYPY_DB_*} variables.
 *
 * <p>The order is: {@code CANARYPY_DB_CONN_STRING} (a libpq URI, a {@code jdbc:} URL or an {@code
 * h2:} file path), then the separate {@code CANARYPY_DB_HOST}, {@code _PORT}, {@code _NAME}, {@code
 * _USER}, {@code _PASSWORD} parts, then an embedded H2 file database under {@code CANARYPY_HOME}.
 *
 * @param jdbcUrl the JDBC URL, without credentials
 * @param username the user name, or null to leave it to the driver
 * @param password the password, or null; never logged
 * @param embedded whether this is the embedded H2 database
 * @param description where the data lives, for logs and messages; carries no password
 */
public record DatabaseLocation(
    String jdbcUrl, String username, String password, boolean embedded, String description) {

  public static final String CONN_STRING = "CANARYPY_DB_CONN_STRING";

  // AUTO_SERVER lets `api start` and `web start` open one file at once; PostgreSQL mode keeps the
  // migrations identical for both databases.
  // H2's shutdown hook stays on, because H2 2.4 rejects DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER;
  // ShutdownSignals stops the server before that hook runs.
  private static final String H2_OPTIONS =
      ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private static final Pattern LIBPQ_URI =
      Pattern.compile(
          "^postgres(?:ql)?://(?:(?<user>[^:@/]*)(?::(?<password>[^@/]*))?@)?"
              + "(?<host>\\[[^\\]]*\\]|[^:/?]*)(?::(?<port>\\d+))?"
              + "(?:/(?<database>[^?]*))?(?:\\?(?<query>.*))?$");

  /**
   * Resolves the database from configuration values.
   *
   * @param settings looks up a variable by name; returns null when it is not set
   * @throws IllegalArgumentException when a value is malformed; the message names the variable
   */
  public static DatabaseLocation resolve(Function<String, String> settings) {
    String connString = trimToNull(settings.apply(CONN_STRING));
    if (connString != null) {
      return fromConnString(
          connString,
          trimToNull(settings.apply("CANARYPY_DB_USER")),
          settings.apply("CANARYPY_DB_PASSWORD"));
    }
    String host = trimToNull(settings.apply("CANARYPY_DB_HOST"));
    String name = trimToNull(settings.apply("CANARYPY_DB_NAME"));
    if (host != null || name != null) {
      return fromParts(
          host,
          requirePort(trimToNull(settings.apply("CANARYPY_DB_PORT")), "CANARYPY_DB_PORT"),
          name,
          trimToNull(settings.apply("CANARYPY_DB_USER")),
          settings.apply("CANARYPY_DB_PASSWORD"));
    }
    return embedded(homeDirectory(settings.apply("CANARYPY_HOME")));
  }

  private static Path homeDirectory(String configured) {
    String home = trimToNull(configured);
    if (home == null) {
      return Path.of(System.getProperty("user.home"), ".canarypy");
    }
    if (home.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), home.substring(2));
    }
    return Path.of(home);
  }

  static DatabaseLocation embedded(Path home) {
    return h2File(home.resolve("canarypy"));
  }

  private static DatabaseLocation h2File(Path file) {
    // H2 appends .mv.db itself, so a path given with that ending would otherwise get it twice.
    String base = file.toAbsolutePath().normalize().toString().replaceFirst("\\.mv\\.db$", "");
    return new DatabaseLocation(
        "jdbc:h2:file:" + base + H2_OPTIONS,
        "sa",
        "",
        true,
        "embedded H2 database at " + base + ".mv.db");
  }

  private static DatabaseLocation fromConnString(String value, String user, String password) {
    if (value.startsWith("jdbc:")) {
      return new DatabaseLocation(
          value, user, password, false, "JDBC URL " + withoutCredentials(value));
    }
    if (value.startsWith("h2:")) {
      String path = value.substring("h2:".length()).trim();
      if (path.isEmpty()) {
        throw new IllegalArgumentException(
            CONN_STRING
                + " is 'h2:' without a path; give a file path such as h2:/var/lib/canarypy/db");
      }
      return h2File(Path.of(path));
    }
    Matcher matcher = LIBPQ_URI.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          CONN_STRING
              + " is neither a postgresql:// URI, a jdbc: URL nor an h2: path; expected for"
              + " example postgresql://user:password@host:5432/canarypy");
    }
    // Credentials missing from the URI come from CANARYPY_DB_USER and _PASSWORD, so the password
    // can stay out of the URI.
    String uriUser = emptyToNull(decode(matcher.group("user")));
    String uriPassword = decode(matcher.group("password"));
    return fromParts(
        emptyToNull(matcher.group("host")),
        requirePort(matcher.group("port"), CONN_STRING),
        emptyToNull(decode(matcher.group("database"))),
        uriUser == null ? user : uriUser,
        uriPassword == null ? password : uriPassword,
        matcher.group("query"));
  }

  private static DatabaseLocation fromParts(
      String host, String port, String database, String user, String password) {
    return fromParts(host, port, database, user, password, null);
  }

  private static DatabaseLocation fromParts(
      String host, String port, String database, String user, String password, String query) {
    String resolvedHost = host == null ? "localhost" : host;
    String resolvedPort = port == null ? "5432" : port;
    // libpq defaults the database name to the user name, and the user to the operating system user.
    String resolvedUser = user == null ? System.getProperty("user.name") : user;
    String resolvedDatabase = database == null ? resolvedUser : database;
    String url =
        "jdbc:postgresql://"
            + resolvedHost
            + ":"
            + resolvedPort
            + "/"
            + resolvedDatabase
            + (query == null || query.isEmpty() ? "" : "?" + query);
    String description =
        "PostgreSQL database '"
            + resolvedDatabase
            + "' at "
            + resolvedHost
            + ":"
            + resolvedPort
            + " as user '"
            + resolvedUser
            + "'";
    return new DatabaseLocation(url, resolvedUser, password, false, description);
  }

  /** Returns the port, or null when it is not set, after checking that it is a TCP port number. */
  private static String requirePort(String port, String variable) {
    if (port == null) {
      return null;
    }
    if (!port.matches("\\d{1,5}")
        || Integer.parseInt(port) < 1
        || Integer.parseInt(port) > 65_535) {
      throw new IllegalArgumentException(
          variable
              + " has the port '"
              + port
              + "'; expected a port number from 1 to 65535 such as 5432");
    }
    return port;
  }

  private static String decode(String value) {
    if (value == null) {
      return null;
    }
    // A libpq URI is percent-encoded only: a plus sign is a plus, not a space.
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      // The decoder's message quotes the value, which may be the password.
      throw new IllegalArgumentException(
          CONN_STRING
              + " contains an invalid percent-encoding; write a '%' in the user, password or"
              + " database name as %25 and an '@' as %40");
    }
  }

  /**
   * Returns a JDBC URL without the parts that may carry a password: user info before an {@code @},
   * the {@code ?} query and the {@code ;} properties that H2 and some other drivers take.
   */
  private static String withoutCredentials(String url) {
    String withoutUserInfo = url.replaceFirst("//[^/@?;]*@", "//");
    int end = withoutUserInfo.length();
    for (char separator : new char[] {'?', ';'}) {
      int index = withoutUserInfo.indexOf(separator);
      if (index >= 0 && index < end) {
        end = index;
      }
    }
    return withoutUserInfo.substring(0, end);
  }

  private static String trimToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  @Override
  public String toString() {
    return description;
  }
}

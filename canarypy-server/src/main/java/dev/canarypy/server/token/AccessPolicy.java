package dev.canarypy.server.token;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The scope that each request needs once any API token exists. */
final class AccessPolicy {

  /** Paths served to anyone: health checks, the API documentation and the dashboard's files. */
  private static final Set<String> OPEN_PATHS =
      Set.of("/", "/index.html", "/favicon.ico", "/actuator/health", "/docs", "/openapi.json");

  private static final List<String> OPEN_PREFIXES =
      List.of(
          "/actuator/health/",
          "/docs/",
          "/swagger-ui/",
          "/openapi.json/",
          "/dashboard/",
          "/webjars/");

  /** Writes that programs with a signal token make; every other write needs an admin token. */
  private static final Set<String> SIGNAL_WRITES = Set.of("/signal", "/signals");

  private AccessPolicy() {}

  /**
   * Returns the scope a request needs, or empty when it needs no token. Reads need any token,
   * except the token list, which needs an admin token like every write but those of signals.
   *
   * @param path the decoded path within the application, such as {@code /release/billing/latest}
   */
  static Optional<TokenScope> requiredScope(String method, String path) {
    if (OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
      return Optional.empty();
    }
    boolean read = "GET".equals(method) || "HEAD".equals(method);
    if (path.equals("/token") || path.startsWith("/token/")) {
      return Optional.of(TokenScope.ADMIN);
    }
    if (read || ("POST".equals(method) && SIGNAL_WRITES.contains(path))) {
      return Optional.of(TokenScope.SIGNAL);
    }
    return Optional.of(TokenScope.ADMIN);
  }
}

package dev.canarypy.server.token;

import dev.canarypy.server.system.DatabaseOutageLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requires an API token of the right scope on every API request once any token exists. While none
 * exists, every request passes, as it did before tokens were added.
 *
 * <p>This small filter replaces Spring Security because the server has no users, sessions, cookies
 * or login forms to protect, and so no CSRF risk. It only looks up bearer tokens of two scopes in
 * memory. Rejections are RFC 9457 problem details with {@code WWW-Authenticate: Bearer}, as RFC
 * 6750 describes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class TokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer";
  private static final String REALM = "Bearer realm=\"canarypy\"";
  private static final String RETRY_AFTER_SECONDS = "5";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TokenRegistry registry;
  private final DatabaseOutageLog outageLog;

  public TokenFilter(TokenRegistry registry, DatabaseOutageLog outageLog) {
    this.registry = registry;
    this.outageLog = outageLog;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<TokenScope> required =
        AccessPolicy.requiredScope(request.getMethod(), pathWithinApplication(request));
    if (required.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }

    boolean tokensExist;
    try {
      tokensExist = tokensExist(request);
    } catch (DataAccessException unavailable) {
      outageLog.failed(unavailable);
      reject(
          response,
          request,
          HttpStatus.SERVICE_UNAVAILABLE,
          "The database is unavailable, so the API token cannot be checked; the request was not"
              + " carried out. Retry after "
              + RETRY_AFTER_SECONDS
              + " seconds.");
      return;
    }
    if (!tokensExist) {
      chain.doFilter(request, response);
      return;
    }

    AuthenticatedToken token = authenticate(request, response, required.get());
    if (token == null) {
      return;
    }
    if (!token.scope().allows(required.get())) {
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE,
          REALM + ", error=\"insufficient_scope\", scope=\"" + required.get().wireName() + "\"");
      reject(
          response,
          request,
          HttpStatus.FORBIDDEN,
          "The API token '"
              + token.name()
              + "' has scope "
              + token.scope().wireName()
              + ", but "
              + request.getMethod()
              + " "
              + pathWithinApplication(request)
              + " needs scope "
              + required.get().wireName()
              + "; send an admin token.");
      return;
    }
    request.setAttribute(AuthenticatedToken.REQUEST_ATTRIBUTE, token);
    chain.doFilter(request, response);
  }

  /**
   * Returns whether any token exists. The request that creates the first token reads the tokens
   * from the database first, so that a replica whose cached table is still empty does not let
   * anyone create a token after another replica created the first. {@link TokenService} checks
   * again under a lock, for requests that pass here at the same moment.
   */
  private boolean tokensExist(HttpServletRequest request) {
    boolean tokensExist = registry.anyTokens();
    if (!tokensExist
        && "POST".equals(request.getMethod())
        && "/token".equals(pathWithinApplication(request))) {
      registry.refresh();
      tokensExist = registry.anyTokens();
    }
    return tokensExist;
  }

  /** Returns the request's token, or null after sending a 401 reply. */
  private AuthenticatedToken authenticate(
      HttpServletRequest request, HttpServletResponse response, TokenScope required)
      throws IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || authorization.isBlank()) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
      reject(
          response,
          request,
          HttpStatus.UNAUTHORIZED,
          request.getMethod()
              + " "
              + pathWithinApplication(request)
              + " needs an API token with scope "
              + describe(required)
              + ". Send it in the header 'Authorization: Bearer <token>' (the command line's"
              + " --token option or CANARYPY_TOKEN); an admin creates tokens with 'canarypy token"
              + " create'.");
      return null;
    }

    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length != 2 || !BEARER.equalsIgnoreCase(parts[0])) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_request\"");
      reject(
          response,
          request,
          HttpStatus.UNAUTHORIZED,
          "The Authorization header must have the form 'Bearer <token>', because the server"
              + " accepts only API tokens; send the token after the word Bearer.");
      return null;
    }

    AuthenticatedToken token = registry.find(TokenCodec.hash(parts[1].trim()));
    if (token == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"");
      reject(
          response,
          request,
          HttpStatus.UNAUTHORIZED,
          "The API token is unknown or has been revoked; send a valid token with scope "
              + describe(required)
              + ", or ask an admin to create one with 'canarypy token create'.");
    }
    return token;
  }

  private static String describe(TokenScope required) {
    return required == TokenScope.ADMIN ? "admin" : "signal or admin";
  }

  private static void reject(
      HttpServletResponse response, HttpServletRequest request, HttpStatus status, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), problem);
  }

  /** Returns the decoded, normalised path without the context path, as the controllers see it. */
  private static String pathWithinApplication(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    return path.isEmpty() ? "/" : path;
  }
}

package dev.canarypy.server.token;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The token that authenticated the current request.
 *
 * @param name the token's name
 * @param scope what the token may do
 */
public record AuthenticatedToken(String name, TokenScope scope) {

  /** The request attribute under which {@link TokenFilter} stores the token. */
  static final String REQUEST_ATTRIBUTE = AuthenticatedToken.class.getName();

  /**
   * Returns the token of the request that the current thread handles. Empty outside a request, such
   * as in the background evaluator, and for requests made while no token exists.
   */
  public static Optional<AuthenticatedToken> current() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes == null) {
      return Optional.empty();
    }
    Object token = attributes.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    return token instanceof AuthenticatedToken authenticated
        ? Optional.of(authenticated)
        : Optional.empty();
  }
}

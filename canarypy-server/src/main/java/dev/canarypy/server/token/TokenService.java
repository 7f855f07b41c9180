package dev.canarypy.server.token;

import dev.canarypy.server.system.ConflictException;
import dev.canarypy.server.system.InvalidRequestException;
import dev.canarypy.server.system.NotFoundException;
import dev.canarypy.server.system.RequestValidator;
import dev.canarypy.server.system.UnauthorizedException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates, lists and revokes API tokens. */
@Service
public class TokenService {

  private static final Logger log = LoggerFactory.getLogger(TokenService.class);

  private final TokenRepository tokens;
  private final TokenRegistry registry;
  private final RequestValidator validator;
  private final Clock clock;
  private final TransactionTemplate transaction;

  TokenService(
      TokenRepository tokens,
      TokenRegistry registry,
      RequestValidator validator,
      Clock clock,
      TransactionTemplate transaction) {
    this.tokens = tokens;
    this.registry = registry;
    this.validator = validator;
    this.clock = clock;
    this.transaction = transaction;
  }

  /**
   * Creates a token and returns it with its value, which the server does not keep.
   *
   * @param authenticated whether an admin token authenticated the request. A request without one
   *     may only create the first token.
   * @throws UnauthorizedException when the request has no token and a token exists by now
   */
  public CreatedToken create(CreateTokenRequest request, boolean authenticated) {
    validator.validate(request);
    TokenScope scope =
        TokenScope.parse(request.scope())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "scope", "must be signal or admin, got '" + request.scope() + "'"));
    String name = request.name();
    if (tokens.exists(name)) {
      throw duplicate(name);
    }

    String value = TokenCodec.generate();
    ApiToken token =
        new ApiToken(
            name, scope, TokenCodec.hint(value), clock.instant().truncatedTo(ChronoUnit.MICROS));
    try {
      if (authenticated) {
        tokens.insert(token, TokenCodec.hash(value));
      } else {
        insertFirst(token, TokenCodec.hash(value));
      }
    } catch (DuplicateKeyException concurrentInsert) {
      throw duplicate(name);
    } finally {
      registry.refresh();
    }
    log.info("Created API token '{}' with scope {}", name, scope.wireName());
    return new CreatedToken(name, scope, token.tokenHint(), token.createdAt(), value);
  }

  /**
   * Inserts a token only if no token exists. The lock row makes concurrent first tokens on all
   * replicas wait for each other, so only the first is created.
   */
  private void insertFirst(ApiToken token, String hash) {
    transaction.executeWithoutResult(
        status -> {
          tokens.lockFirstTokenCreation();
          if (tokens.anyExist()) {
            log.info(
                "Rejected token '{}' from a request without a token: another token exists now",
                token.name());
            throw new UnauthorizedException(
                "Another request created an API token first, so creating more tokens now needs an"
                    + " admin token. Send it in the header 'Authorization: Bearer <token>' (the"
                    + " command line's --token option or CANARYPY_TOKEN).");
          }
          tokens.insert(token, hash);
        });
  }

  public List<ApiToken> list() {
    return tokens.findAll().stream().map(TokenRepository.StoredToken::token).toList();
  }

  /**
   * Revokes a token: requests with it are rejected at once on this replica and within the token
   * cache's TTL on the others.
   *
   * @throws NotFoundException when no token has the name
   */
  public void revoke(String name) {
    boolean deleted;
    try {
      deleted = tokens.delete(name);
    } finally {
      registry.refresh();
    }
    if (!deleted) {
      throw new NotFoundException(
          "No API token is named '" + name + "'; list tokens with GET /token.");
    }
    log.info("Revoked API token '{}'", name);
  }

  private static ConflictException duplicate(String name) {
    return new ConflictException(
        "An API token named '"
            + name
            + "' already exists; choose another name, or revoke the old token first.");
  }
}

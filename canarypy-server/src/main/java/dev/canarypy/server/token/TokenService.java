package dev.canarypy.server.token;

import dev.canarypy.server.system.ConflictException;
import dev.canarypy.server.system.InvalidRequestException;
import dev.canarypy.server.system.NotFoundException;
import dev.canarypy.server.system.RequestValidator;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Creates, lists and revokes API tokens. */
@Service
public class TokenService {

  private static final Logger log = LoggerFactory.getLogger(TokenService.class);

  private final TokenRepository tokens;
  private final TokenRegistry registry;
  private final RequestValidator validator;
  private final Clock clock;

  TokenService(
      TokenRepository tokens, TokenRegistry registry, RequestValidator validator, Clock clock) {
    this.tokens = tokens;
    this.registry = registry;
    this.validator = validator;
    this.clock = clock;
  }

  /** Creates a token and returns it with its value, which the server does not keep. */
  public CreatedToken create(CreateTokenRequest request) {
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
      tokens.insert(token, TokenCodec.hash(value));
    } catch (DuplicateKeyException concurrentInsert) {
      throw duplicate(name);
    } finally {
      registry.refresh();
    }
    log.info("Created API token '{}' with scope {}", name, scope.wireName());
    return new CreatedToken(name, scope, token.tokenHint(), token.createdAt(), value);
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

package dev.canarypy.server.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The {@code /token} endpoints; {@link TokenFilter} requires an admin token once any exists. */
@RestController
@Tag(name = "token")
public class TokenController {

  private final TokenService tokens;

  public TokenController(TokenService tokens) {
    this.tokens = tokens;
  }

  @PostMapping("/token")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an API token",
      description =
          "Returns the token once; the server stores only its hash. While no token exists anyone"
              + " may create one, so create the first admin token right after the server starts.")
  public CreatedToken create(@RequestBody CreateTokenRequest request) {
    return tokens.create(request, AuthenticatedToken.current().isPresent());
  }

  @GetMapping("/token")
  @Operation(summary = "List API tokens by name, without their values")
  public List<ApiToken> list() {
    return tokens.list();
  }

  @DeleteMapping("/token/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke an API token")
  public void revoke(@PathVariable String name) {
    tokens.revoke(name);
  }
}

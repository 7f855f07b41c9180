package dev.canarypy.server.system;

import dev.canarypy.server.CanaryPyServerApplication;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title, version and security scheme of {@code /openapi.json}. The bearer scheme gives the
 * {@code /docs} page an Authorize button, without which its requests fail once a token exists.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  private static final String BEARER = "bearer";

  @Bean
  OpenAPI canaryPyOpenApi() {
    String version = CanaryPyServerApplication.class.getPackage().getImplementationVersion();
    return new OpenAPI()
        .info(
            new Info()
                .title("CanaryPy API")
                .version(version == null ? "development" : version)
                .description(
                    "Pull-based canary releases: ask which version to run, report each"
                        + " execution's outcome, and follow or steer the canary. Once an API token"
                        + " exists, send one as 'Authorization: Bearer <token>'."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "An API token from 'canarypy token create'; needed once any token"
                                + " exists. Scope signal for latest and signals, admin for the"
                                + " rest.")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }
}

package dev.canarypy.server.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON settings that the Spring Boot properties cannot express.
 *
 * <p>Request bodies are parsed with Jackson 3's default read limits: nesting depth 500, numbers of
 * at most 1000 digits and strings of at most 100 million characters, the last one far above what
 * the body size limits of {@link RequestSizeFilter} let through. {@link ApiExceptionHandler} names
 * the limit in its reply.
 */
// NOTE: Jackson 3's JsonMapper.Builder takes its StreamReadConstraints from the JsonFactory it was
// created with, and Spring Boot creates that builder, so the limits are Jackson's defaults.
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

  /**
   * Rejects a number or boolean where a string is expected, so {@code "semver_version": 1.10} is a
   * 422 instead of the silently different version "1.1".
   */
  @Bean
  JsonMapperBuilderCustomizer strictStrings() {
    return builder ->
        builder.withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}

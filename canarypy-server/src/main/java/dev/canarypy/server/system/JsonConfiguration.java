package dev.canarypy.server.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** JSON settings that the Spring Boot properties cannot express. */
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

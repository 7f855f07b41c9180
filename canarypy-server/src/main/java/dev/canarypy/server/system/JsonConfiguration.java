package dev.canarypy.server.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON settings that the Spring Boot properties cannot express: the read limits for request bodies
 * and strict string types. {@link ApiExceptionHandler} names an exceeded limit in its reply.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

  /** Nesting depth of request bodies. A batch of signals, the deepest valid body, has depth 2. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Characters of a number. A 64-bit integer has at most 19 digits. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /** Characters of a field name, far above the API's longest name. */
  public static final int MAX_NAME_LENGTH = 1_000;

  /**
   * Characters of a string value: the largest body that {@link RequestSizeFilter} accepts. Each
   * field also has its own, much lower limit.
   */
  public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;

  /**
   * Replaces Spring Boot's mapper builder with one whose parser has the limits above, because a
   * customizer cannot change the parser factory of a Jackson 3 builder. Spring Boot's customizers,
   * and so the {@code spring.jackson.*} properties, still apply, in their order.
   */
  @Bean
  @Scope("prototype")
  JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .build();
    JsonMapper.Builder builder =
        JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build());
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder;
  }

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

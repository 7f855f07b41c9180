package dev.canarypy.server.system;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the embedded Tomcat. */
@Configuration(proxyBeanMethods = false)
public class WebServerConfiguration {

  /**
   * Keeps an encoded slash ({@code %2F}) or backslash ({@code %5C}) inside one path segment instead
   * of rejecting the request, because {@code latest} also takes an artifact URL such as {@code
   * registry.example.com/app} in place of the product name.
   */
  // NOTE: Tomcat still rejects %00 in a path with its own HTML 400 page before Spring sees it.
  @Bean
  TomcatConnectorCustomizer encodedSlashInPathSegments() {
    return connector -> {
      connector.setEncodedSolidusHandling("passthrough");
      connector.setEncodedReverseSolidusHandling("passthrough");
    };
  }
}

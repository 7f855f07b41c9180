package dev.canarypy.server.system;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the embedded Tomcat. */
@Configuration(proxyBeanMethods = false)
public class WebServerConfiguration {

  /**
   * Keeps an encoded slash ({@code %2F}) inside one path segment instead of rejecting the request,
   * because {@code latest} also takes an artifact URL such as {@code registry.example.com/app} in
   * place of the product name.
   */
  @Bean
  TomcatConnectorCustomizer encodedSlashInPathSegments() {
    return connector -> connector.setEncodedSolidusHandling("passthrough");
  }
}

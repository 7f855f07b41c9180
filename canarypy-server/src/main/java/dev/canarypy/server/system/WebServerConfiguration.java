package dev.canarypy.server.system;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
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
  @Bean
  TomcatConnectorCustomizer encodedSlashInPathSegments() {
    return connector -> {
      connector.setEncodedSolidusHandling("passthrough");
      connector.setEncodedReverseSolidusHandling("passthrough");
    };
  }

  /**
   * Replaces Tomcat's HTML error page with problem details for the requests that Tomcat rejects
   * before Spring sees them, such as {@code %00} or {@code %FF} in a path.
   */
  @Bean
  TomcatContextCustomizer problemErrorPages() {
    return context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    };
  }
}

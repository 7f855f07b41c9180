package dev.canarypy.cli.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the commands that do not run the server: {@link WarningLogger}s that print
 * warnings and errors to standard error. SLF4J uses it only when the {@code slf4j.provider} system
 * property names it, which {@link #install()} does, so {@code api start} keeps Logback and Spring
 * Boot's logging. Logback and the XML parser for its configuration would load about 600 more
 * classes in every command.
 */
public final class CommandLineLoggingProvider implements SLF4JServiceProvider {

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory loggerFactory =
      name -> loggers.computeIfAbsent(name, WarningLogger::new);
  private final IMarkerFactory markerFactory = new BasicMarkerFactory();
  private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

  /**
   * Makes SLF4J use this provider unless the user chose another one. SLF4J reads the property when
   * the first logger is created, so the commands call this before they load any class that logs.
   */
  public static void install() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", CommandLineLoggingProvider.class.getName());
      // Without this, SLF4J reports on standard error which provider the property named.
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    // Everything is created with the provider.
  }
}

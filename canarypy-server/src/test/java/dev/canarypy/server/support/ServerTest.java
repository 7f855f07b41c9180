package dev.canarypy.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole server on a random port and a database of its own. Tagged {@code
 * database}, so the build runs it once on H2 and once on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "canarypy.evaluator.interval=1h",
      "logging.level.root=warn",
      "logging.level.dev.canarypy=info"
    })
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("database")
public @interface ServerTest {}

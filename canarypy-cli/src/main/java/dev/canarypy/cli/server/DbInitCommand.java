package dev.canarypy.cli.server;

import dev.canarypy.cli.CommandFailure;
import dev.canarypy.cli.ExitCodes;
import dev.canarypy.cli.logging.CommandLineLoggingProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code canarypy db init}: creates or migrates the schema of the configured database. */
@Command(
    name = "init",
    description = {
      "Create or migrate the database schema, then exit.",
      "Uses CANARYPY_DB_CONN_STRING or CANARYPY_DB_USER, _PASSWORD, _HOST, _PORT and _NAME,"
          + " else an embedded H2 database under CANARYPY_HOME."
    })
public final class DbInitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CommandLineLoggingProvider.install();
    String database;
    try {
      database = ServerLauncher.migrateDatabase();
    } catch (RuntimeException e) {
      throw new CommandFailure(
          ExitCodes.FAILED,
          "Could not migrate the "
              + ServerLauncher.databaseDescription()
              + ": "
              + ApiStartCommand.rootMessage(e),
          e);
    }
    spec.commandLine().getOut().println("Migrated the database: " + database + ".");
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}

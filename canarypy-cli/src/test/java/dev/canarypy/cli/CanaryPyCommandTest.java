package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CanaryPyCommandTest {

  private static final List<String> ALL =
      List.of("api", "web", "db", "product", "release", "signal", "token", "generate-completion");

  @Test
  void subcommandKeysMatchCommandNames() {
    CanaryPyCommand.SUBCOMMANDS.forEach(
        (name, subcommand) ->
            assertThat(new CommandLine(subcommand.get()).getCommandName()).isEqualTo(name));
  }

  @Test
  void namedSubcommandIsRegisteredAlone() {
    CommandLine commandLine = CanaryPyCommand.newCommandLine("product", "list");

    assertThat(commandLine.getSubcommands().keySet()).containsExactly("product");
    assertThat(commandLine.getSubcommands().get("product").getSubcommands())
        .containsKeys("create", "list");
  }

  @Test
  void otherFirstArgumentsRegisterAll() {
    assertThat(CanaryPyCommand.newCommandLine().getSubcommands().keySet())
        .containsExactlyElementsOf(ALL);
    assertThat(CanaryPyCommand.newCommandLine("--help").getSubcommands().keySet())
        .containsExactlyElementsOf(ALL);
    assertThat(
            CanaryPyCommand.newCommandLine("--url", "http://127.0.0.1:9", "product", "list")
                .getSubcommands()
                .keySet())
        .containsExactlyElementsOf(ALL);
    assertThat(CanaryPyCommand.newCommandLine("prodcut").getSubcommands().keySet())
        .containsExactlyElementsOf(ALL);
    assertThat(CanaryPyCommand.newCommandLine("generate-completion").getSubcommands().keySet())
        .containsExactlyElementsOf(ALL);
  }

  @Test
  void inheritedOptionsReachNamedSubcommand() {
    CommandLine commandLine = CanaryPyCommand.newCommandLine("product", "list");
    CommandLine list = commandLine.getSubcommands().get("product").getSubcommands().get("list");

    assertThat(list.getCommandSpec().findOption("--url")).isNotNull();
    assertThat(list.getCommandSpec().findOption("--token")).isNotNull();
    assertThat(list.getCommandSpec().findOption("--output")).isNotNull();
    assertThat(list.getCommandSpec().findOption("--help")).isNotNull();
  }

  @Test
  void mistypedSubcommandGetsSuggestion() {
    String[] args = {"prodct", "list"};
    StringWriter err = new StringWriter();
    CommandLine commandLine = CanaryPyCommand.newCommandLine(args);
    commandLine.setErr(new PrintWriter(err));

    int exitCode = commandLine.execute(args);

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("product");
  }
}

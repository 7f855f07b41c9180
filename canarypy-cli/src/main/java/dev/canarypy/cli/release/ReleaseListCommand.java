package dev.canarypy.cli.release;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Formats;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Release;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code canarypy release list}: lists a product's releases, newest first. */
@Command(name = "list", description = "List a product's releases, newest first.")
public final class ReleaseListCommand extends ClientCommand {

  @Option(
      names = "--product",
      required = true,
      paramLabel = "NAME",
      description = "The product's name.")
  String productName;

  @Override
  protected void run(CanaryPyClient client, Output output) {
    List<Release> releases = client.listReleases(productName);

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    if (releases.isEmpty()) {
      output.line(
          "Product "
              + productName
              + " has no releases yet. Create one with 'canarypy release create'.");
      return;
    }
    output.table(
        List.of(
            "VERSION", "STATUS", "BAND", "SHARE", "SUCCESSES", "FAILURES", "VERDICT", "CREATED"),
        releases.stream().map(ReleaseListCommand::row).toList());
  }

  private static List<String> row(Release release) {
    return Output.row(
        release.semverVersion(),
        release.status().wireName(),
        release.band() == null ? null : release.band().number() + "/" + release.band().bandCount(),
        release.band() == null ? null : Formats.percent(release.band().targetShare()),
        release.signals() == null ? null : release.signals().successes(),
        release.signals() == null ? null : release.signals().failures(),
        release.analysis() == null ? null : release.analysis().verdict().wireName(),
        Formats.time(release.createdAt()));
  }
}

package dev.canarypy.cli.release;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Release;
import dev.canarypy.client.ReleaseRequest;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code canarypy release create}: creates a release. Settings not given are left to the server's
 * defaults.
 */
@Command(
    name = "create",
    description = {
      "Create a release of the product with the given artifact URL.",
      "The product's first release, or one created with --stable, becomes stable at once;"
          + " a later one starts a canary."
    })
public final class ReleaseCreateCommand extends ClientCommand {

  @Option(
      names = {"--semver-version", "--semver_version"},
      required = true,
      paramLabel = "VERSION",
      description = "The version tag, such as 1.4.0 or 3.11-bullseye.")
  String semverVersion;

  @Option(
      names = {"--artifact-url", "--artifact_url"},
      required = true,
      paramLabel = "URL",
      description = "The artifact URL of the product the release belongs to.")
  String artifactUrl;

  @Option(
      names = "--stable",
      description = "Make the release stable at once instead of starting a canary.")
  boolean stable;

  @Option(
      names = "--canary-period",
      paramLabel = "DAYS",
      description =
          "The length of the canary period in days, fractions allowed (server default 2).")
  Double canaryPeriodDays;

  @Option(
      names = "--band-count",
      paramLabel = "N",
      description = "The number of bands the canary's share grows in (server default 5).")
  Integer bandCount;

  @Option(
      names = "--threshold",
      paramLabel = "PCT",
      description = "The minimum canary success rate in percent (server default 80).")
  Double thresholdPercent;

  @Option(
      names = "--min-signals",
      paramLabel = "N",
      description = "The canary signals needed before an automatic promotion (server default 10).")
  Integer minSignals;

  @Option(
      names = "--tolerance",
      paramLabel = "PTS",
      description =
          "The percentage points by which the canary's failure rate may exceed the stable's"
              + " (server default 5).")
  Double tolerancePoints;

  @Option(
      names = "--release-date",
      paramLabel = "ISO",
      converter = TimestampConverter.class,
      description =
          "The start of the canary period, such as 2025-03-02T09:00:00Z; a time without offset"
              + " or a bare date is UTC (server default: now).")
  Instant releaseDate;

  @Override
  protected void run(CanaryPyClient client, Output output) {
    ReleaseRequest.Builder request = ReleaseRequest.builder(artifactUrl, semverVersion);
    if (stable) {
      request.canary(false);
    }
    if (canaryPeriodDays != null) {
      request.canaryPeriodDays(canaryPeriodDays);
    }
    if (bandCount != null) {
      request.bandCount(bandCount);
    }
    if (thresholdPercent != null) {
      request.thresholdPercent(thresholdPercent);
    }
    if (minSignals != null) {
      request.minSignals(minSignals);
    }
    if (tolerancePoints != null) {
      request.tolerancePoints(tolerancePoints);
    }
    if (releaseDate != null) {
      request.releaseDate(releaseDate);
    }

    Release release = client.createRelease(request.build());

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    output.line(
        "Created release "
            + release.semverVersion()
            + " of "
            + release.product().name()
            + " with status "
            + release.status().wireName()
            + ".");
    output.fields(ReleaseView.describe(release));
  }
}

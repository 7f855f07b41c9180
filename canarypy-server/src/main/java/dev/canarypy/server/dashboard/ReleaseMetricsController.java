package dev.canarypy.server.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The {@code /metrics/releases} endpoint behind the dashboard's charts and tiles. */
@RestController
@Tag(name = "metrics")
public class ReleaseMetricsController {

  private final ReleaseMetricsService metrics;

  public ReleaseMetricsController(ReleaseMetricsService metrics) {
    this.metrics = metrics;
  }

  @GetMapping("/metrics/releases")
  @Operation(
      summary = "Hourly success and failure counts by product, version, band and canary flag",
      description =
          "One row per release, hour (UTC), band and canary flag, oldest hour first. Band 0 counts"
              + " signals that arrived while no canary was in flight. from and to keep every hour"
              + " that overlaps [from, to).")
  public List<HourlyCount> releases(
      @Parameter(description = "a product's name; every product when absent")
          @RequestParam(name = "product", required = false)
          String product,
      @Parameter(description = "one version; every version when absent")
          @RequestParam(name = "semver_version", required = false)
          String semverVersion,
      @Parameter(description = "ISO-8601 start, inclusive; a timestamp without zone is UTC")
          @RequestParam(name = "from", required = false)
          String from,
      @Parameter(description = "ISO-8601 end, exclusive; a timestamp without zone is UTC")
          @RequestParam(name = "to", required = false)
          String to) {
    return metrics.hourlyCounts(product, semverVersion, from, to);
  }
}

package dev.canarypy.server.release;

import dev.canarypy.server.allocation.LatestReleaseService;
import dev.canarypy.server.release.ReleaseActions.Action;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The {@code /release} endpoints. */
@RestController
@Tag(name = "release")
public class ReleaseController {

  private final ReleaseService releases;
  private final ReleaseActions actions;
  private final LatestReleaseService latest;

  public ReleaseController(
      ReleaseService releases, ReleaseActions actions, LatestReleaseService latest) {
    this.releases = releases;
    this.actions = actions;
    this.latest = latest;
  }

  @PostMapping("/release")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a release",
      description =
          "The product's first release, and one with is_canary false, is stable at once; any other"
              + " starts a canary. A canary in flight is settled first.")
  public ReleaseResponse create(@RequestBody CreateReleaseRequest request) {
    return releases.create(request);
  }

  @GetMapping("/release/{product_name}")
  @Operation(summary = "List a product's releases, newest first")
  public List<ReleaseResponse> list(@PathVariable("product_name") String productName) {
    return releases.list(productName);
  }

  @GetMapping("/release/{product_name}/latest")
  @Operation(
      summary = "The version to run now",
      description =
          "The stable release, or the canary for its share of the executions. With instance_id"
              + " the answer is sticky per instance. The product may also be named by its"
              + " artifact_url.")
  public LatestReleaseResponse latest(
      @PathVariable("product_name") String productName,
      @Parameter(description = "the calling instance, for a sticky choice")
          @RequestParam(name = "instance_id", required = false)
          String instanceId) {
    return latest.latest(productName, instanceId);
  }

  @GetMapping("/release/{product_name}/stable")
  @Operation(summary = "The current stable release")
  public ReleaseResponse stable(@PathVariable("product_name") String productName) {
    return releases.stable(productName);
  }

  @GetMapping("/release/{product_name}/{semver_version}")
  @Operation(summary = "One release with its band, counts and analysis")
  public ReleaseResponse get(
      @PathVariable("product_name") String productName,
      @PathVariable("semver_version") String version) {
    return releases.get(productName, version);
  }

  @GetMapping("/release/{product_name}/{semver_version}/events")
  @Operation(summary = "The release's audit trail, oldest first")
  public List<ReleaseEvent> events(
      @PathVariable("product_name") String productName,
      @PathVariable("semver_version") String version) {
    return releases.events(productName, version);
  }

  @PostMapping("/release/{product_name}/{semver_version}/promote")
  @Operation(summary = "Promote a canary to stable now")
  public ReleaseResponse promote(
      @PathVariable("product_name") String productName,
      @PathVariable("semver_version") String version,
      @RequestBody(required = false) ReleaseActionRequest request) {
    return actions.perform(productName, version, Action.PROMOTE, request);
  }

  @PostMapping("/release/{product_name}/{semver_version}/rollback")
  @Operation(
      summary = "Roll back a canary, or a stable release to the one before it",
      description = "A canary stops being served at once.")
  public ReleaseResponse rollback(
      @PathVariable("product_name") String productName,
      @PathVariable("semver_version") String version,
      @RequestBody(required = false) ReleaseActionRequest request) {
    return actions.perform(productName, version, Action.ROLLBACK, request);
  }

  @PostMapping("/release/{product_name}/{semver_version}/pause")
  @Operation(summary = "Pause a canary: it keeps its share, automatic decisions stop")
  public ReleaseResponse pause(
      @PathVariable("product_name") String productName,
      @PathVariable("semver_version") String version,
      @RequestBody(required = false) ReleaseActionRequest request) {
    return actions.perform(productName, version, Action.PAUSE, request);
  }

  @PostMapping("/release/{product_name}/{semver_version}/resume")
  @Operation(summary = "Resume a paused canary")
  public ReleaseResponse resume(
      @PathVariable("product_name") String productName,
      @PathVariable("semver_version") String version,
      @RequestBody(required = false) ReleaseActionRequest request) {
    return actions.perform(productName, version, Action.RESUME, request);
  }
}

package dev.canarypy.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A release to create. Every setting left null is omitted from the request, so the server applies
 * its default. Build one with {@link #builder(String, String)}.
 *
 * @param artifactUrl the artifact URL of the product the release belongs to
 * @param semverVersion the version tag, up to 128 characters of {@code A-Z a-z 0-9 . _ + -}
 * @param isCanary true to start a canary (the server's default), false to make the release stable
 *     at once
 * @param releaseDate the start of the canary period (the server's default is now)
 * @param canaryPeriod the length of the canary period in days (default 2)
 * @param bandCount the number of bands (default 5)
 * @param threshold the minimum canary success rate in percent (default 80)
 * @param minSignals the canary signals needed before an automatic promotion (default 10)
 * @param tolerance the percentage points by which the canary's failure rate may exceed the stable's
 *     (default 5)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseRequest(
    String artifactUrl,
    String semverVersion,
    @JsonProperty("is_canary") Boolean isCanary,
    Instant releaseDate,
    Double canaryPeriod,
    Integer bandCount,
    Double threshold,
    Integer minSignals,
    Double tolerance) {

  /** Rejects a request without the two fields the server always needs. */
  public ReleaseRequest {
    Objects.requireNonNull(artifactUrl, "artifactUrl");
    Objects.requireNonNull(semverVersion, "semverVersion");
  }

  /** Starts a request for the given product artifact and version with the server's defaults. */
  public static Builder builder(String artifactUrl, String semverVersion) {
    return new Builder(artifactUrl, semverVersion);
  }

  /** Collects the optional settings of a {@link ReleaseRequest}. */
  public static final class Builder {
    private final String artifactUrl;
    private final String semverVersion;
    private Boolean isCanary;
    private Instant releaseDate;
    private Double canaryPeriod;
    private Integer bandCount;
    private Double threshold;
    private Integer minSignals;
    private Double tolerance;

    private Builder(String artifactUrl, String semverVersion) {
      this.artifactUrl = artifactUrl;
      this.semverVersion = semverVersion;
    }

    /** Sets whether the release starts a canary (true) or becomes stable at once (false). */
    public Builder canary(boolean canary) {
      this.isCanary = canary;
      return this;
    }

    /** Sets the start of the canary period. */
    public Builder releaseDate(Instant releaseDate) {
      this.releaseDate = releaseDate;
      return this;
    }

    /** Sets the length of the canary period in days; fractions such as 0.5 are allowed. */
    public Builder canaryPeriodDays(double days) {
      this.canaryPeriod = days;
      return this;
    }

    /** Sets the number of bands the canary period is split into. */
    public Builder bandCount(int bandCount) {
      this.bandCount = bandCount;
      return this;
    }

    /** Sets the minimum canary success rate in percent, for example 80. */
    public Builder thresholdPercent(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /** Sets the number of canary signals needed before an automatic promotion. */
    public Builder minSignals(int minSignals) {
      this.minSignals = minSignals;
      return this;
    }

    /** Sets how many percentage points the canary's failure rate may exceed the stable's. */
    public Builder tolerancePoints(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /** Returns the request with the settings given so far. */
    public ReleaseRequest build() {
      return new ReleaseRequest(
          artifactUrl,
          semverVersion,
          isCanary,
          releaseDate,
          canaryPeriod,
          bandCount,
          threshold,
          minSignals,
          tolerance);
    }
  }
}

package dev.canarypy.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanarySettingsTest {
  private static final Duration TWO_DAYS = Duration.ofDays(2);

  @Test
  void defaultsMatchDocumentedValues() {
    CanarySettings settings = CanarySettings.defaults();

    assertThat(settings.canaryPeriod()).isEqualTo(TWO_DAYS);
    assertThat(settings.bandCount()).isEqualTo(5);
    assertThat(settings.thresholdPercent()).isEqualTo(80);
    assertThat(settings.minSignals()).isEqualTo(10);
    assertThat(settings.tolerancePoints()).isEqualTo(5);
  }

  @Test
  void rejectsZeroPeriod() {
    assertThatThrownBy(() -> new CanarySettings(Duration.ZERO, 5, 80, 10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("canary_period must be more than 0 and at most 3650 days, got 0 days");
  }

  @Test
  void rejectsNegativePeriod() {
    assertThatThrownBy(() -> new CanarySettings(Duration.ofHours(-36), 5, 80, 10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("canary_period must be more than 0 and at most 3650 days, got -1.5 days");
  }

  @Test
  void rejectsPeriodOverTenYears() {
    assertThatThrownBy(() -> new CanarySettings(Duration.ofDays(3651), 5, 80, 10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("canary_period must be more than 0 and at most 3650 days, got 3651 days");
  }

  @Test
  void rejectsMissingPeriod() {
    assertThatThrownBy(() -> new CanarySettings(null, 5, 80, 10, 5))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("canary_period is required");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void rejectsBandCountBelowOne(int bandCount) {
    assertThatThrownBy(() -> new CanarySettings(TWO_DAYS, bandCount, 80, 10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("band_count must be at least 1, got " + bandCount);
  }

  @ParameterizedTest
  @CsvSource({"-0.5, -0.5", "100.5, 100.5", "NaN, NaN", "Infinity, Infinity"})
  void rejectsThresholdOutsidePercentRange(double threshold, String formatted) {
    assertThatThrownBy(() -> new CanarySettings(TWO_DAYS, 5, threshold, 10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must be between 0 and 100 percent, got " + formatted);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -10})
  void rejectsMinSignalsBelowOne(int minSignals) {
    assertThatThrownBy(() -> new CanarySettings(TWO_DAYS, 5, 80, minSignals, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min_signals must be at least 1, got " + minSignals);
  }

  @ParameterizedTest
  @CsvSource({"-1, -1", "101, 101", "NaN, NaN"})
  void rejectsToleranceOutsidePointRange(double tolerance, String formatted) {
    assertThatThrownBy(() -> new CanarySettings(TWO_DAYS, 5, 80, 10, tolerance))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be between 0 and 100 percentage points, got " + formatted);
  }

  @Test
  void acceptsLimitsOfEveryRange() {
    CanarySettings lowest = new CanarySettings(Duration.ofNanos(1), 1, 0, 1, 0);
    CanarySettings highest = new CanarySettings(Duration.ofDays(3650), 1000, 100, 1000, 100);

    assertThat(lowest.thresholdRate()).isZero();
    assertThat(highest.toleranceRate()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "2, PT48H",
    "0.5, PT12H",
    "0.25, PT6H",
    "1.5, PT36H",
    "3650, PT87600H",
  })
  void periodOfDaysAcceptsFractionalDays(double days, Duration expected) {
    assertThat(CanarySettings.periodOfDays(days)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "-1, -1", "3650.5, 3650.5", "NaN, NaN", "Infinity, Infinity"})
  void periodOfDaysRejectsInvalidDays(double days, String formatted) {
    assertThatThrownBy(() -> CanarySettings.periodOfDays(days))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "canary_period must be a number of days more than 0 and at most 3650, got "
                + formatted);
  }

  @Test
  void periodOfDaysRejectsPeriodShorterThanNanosecond() {
    assertThatThrownBy(() -> CanarySettings.periodOfDays(1e-20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("canary_period must be at least one nanosecond");
  }

  @ParameterizedTest
  @ValueSource(doubles = {2, 0.5, 0.1, 1.0 / 3, 7.25, 3650})
  void canaryPeriodDaysRoundTrips(double days) {
    CanarySettings settings = new CanarySettings(CanarySettings.periodOfDays(days), 5, 80, 10, 5);

    assertThat(settings.canaryPeriodDays()).isCloseTo(days, within(1e-12 * days));
  }
}

package dev.canarypy.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandScheduleTest {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final BandSchedule TWO_DAYS_FIVE_BANDS =
      new BandSchedule(START, Duration.ofDays(2), 5);

  @Test
  void bandAtStartIsFirstBand() {
    Band band = TWO_DAYS_FIVE_BANDS.bandAt(START);

    assertThat(band.number()).isEqualTo(1);
    assertThat(band.bandCount()).isEqualTo(5);
    assertThat(band.targetShare()).isEqualTo(0.2);
    assertThat(band.start()).isEqualTo(START);
    assertThat(band.end()).isEqualTo(Instant.parse("2026-03-01T09:36:00Z"));
    assertThat(band.phase()).isEqualTo(BandPhase.RUNNING);
  }

  /** Two days in five bands: each band lasts 9 h 36 min. */
  @ParameterizedTest
  @CsvSource({
    "2026-03-01T09:36:00Z, 2, 0.4",
    "2026-03-01T19:12:00Z, 3, 0.6",
    "2026-03-02T04:48:00Z, 4, 0.8",
    "2026-03-02T14:24:00Z, 5, 1.0",
  })
  void bandAtBoundaryStartsNextBand(Instant boundary, int number, double share) {
    Band band = TWO_DAYS_FIVE_BANDS.bandAt(boundary);

    assertThat(band.number()).isEqualTo(number);
    assertThat(band.targetShare()).isEqualTo(share);
    assertThat(band.start()).isEqualTo(boundary);
    assertThat(band.phase()).isEqualTo(BandPhase.RUNNING);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-03-01T09:36:00Z, 1",
    "2026-03-01T19:12:00Z, 2",
    "2026-03-02T04:48:00Z, 3",
    "2026-03-02T14:24:00Z, 4",
    "2026-03-03T00:00:00Z, 5",
  })
  void bandOneNanosecondBeforeBoundaryIsPreviousBand(Instant boundary, int number) {
    Band band = TWO_DAYS_FIVE_BANDS.bandAt(boundary.minusNanos(1));

    assertThat(band.number()).isEqualTo(number);
    assertThat(band.end()).isEqualTo(boundary);
    assertThat(band.phase()).isEqualTo(BandPhase.RUNNING);
  }

  @Test
  void bandBeforeStartIsNotStarted() {
    Band band = TWO_DAYS_FIVE_BANDS.bandAt(START.minusNanos(1));

    assertThat(band.number()).isZero();
    assertThat(band.targetShare()).isZero();
    assertThat(band.start()).isEqualTo(START);
    assertThat(band.end()).isEqualTo(START);
    assertThat(band.phase()).isEqualTo(BandPhase.NOT_STARTED);
  }

  @Test
  void bandAtEndIsPeriodEnded() {
    Band band = TWO_DAYS_FIVE_BANDS.bandAt(TWO_DAYS_FIVE_BANDS.end());

    assertThat(band.number()).isEqualTo(5);
    assertThat(band.targetShare()).isEqualTo(1.0);
    assertThat(band.start()).isEqualTo(Instant.parse("2026-03-02T14:24:00Z"));
    assertThat(band.end()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    assertThat(band.phase()).isEqualTo(BandPhase.PERIOD_ENDED);
  }

  @Test
  void bandLongAfterEndIsPeriodEnded() {
    Band band = TWO_DAYS_FIVE_BANDS.bandAt(Instant.MAX);

    assertThat(band.number()).isEqualTo(5);
    assertThat(band.targetShare()).isEqualTo(1.0);
    assertThat(band.phase()).isEqualTo(BandPhase.PERIOD_ENDED);
  }

  @Test
  void bandLongBeforeStartIsNotStarted() {
    assertThat(TWO_DAYS_FIVE_BANDS.bandAt(Instant.MIN).phase()).isEqualTo(BandPhase.NOT_STARTED);
  }

  @Test
  void endIsStartPlusPeriod() {
    assertThat(TWO_DAYS_FIVE_BANDS.end()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
  }

  /** Half a day in four bands: each band lasts exactly 3 hours. */
  @ParameterizedTest
  @CsvSource({
    "PT0S, 1",
    "PT2H59M59.999999999S, 1",
    "PT3H, 2",
    "PT6H, 3",
    "PT8H59M59.999999999S, 3",
    "PT9H, 4",
    "PT11H59M59.999999999S, 4",
  })
  void bandOfFractionalDayPeriod(Duration offset, int number) {
    BandSchedule schedule = new BandSchedule(START, CanarySettings.periodOfDays(0.5), 4);

    assertThat(schedule.bandAt(START.plus(offset)).number()).isEqualTo(number);
    assertThat(schedule.bandAt(START.plusSeconds(12 * 3600)).phase())
        .isEqualTo(BandPhase.PERIOD_ENDED);
  }

  @Test
  void singleBandCoversWholePeriod() {
    BandSchedule schedule = new BandSchedule(START, Duration.ofDays(1), 1);

    Band first = schedule.bandAt(START);
    Band last = schedule.bandAt(START.plus(Duration.ofDays(1)).minusNanos(1));

    assertThat(first.number()).isEqualTo(1);
    assertThat(first.targetShare()).isEqualTo(1.0);
    assertThat(first.end()).isEqualTo(START.plus(Duration.ofDays(1)));
    assertThat(last.number()).isEqualTo(1);
    assertThat(last.phase()).isEqualTo(BandPhase.RUNNING);
  }

  /**
   * Ten nanoseconds in three bands: the real boundaries 3.33 and 6.67 ns round up, so band 1 is
   * offsets 0..3, band 2 is 4..6 and band 3 is 7..9.
   */
  @ParameterizedTest
  @CsvSource({"0, 1", "3, 1", "4, 2", "6, 2", "7, 3", "9, 3"})
  void boundaryThatIsNotWholeNanosecondRoundsUp(long offsetNanos, int number) {
    BandSchedule schedule = new BandSchedule(START, Duration.ofNanos(10), 3);

    assertThat(schedule.bandAt(START.plusNanos(offsetNanos)).number()).isEqualTo(number);
  }

  @Test
  void boundaryOfMillionBandsIsExact() {
    BandSchedule schedule =
        new BandSchedule(START, Duration.ofDays(CanarySettings.MAX_CANARY_PERIOD_DAYS), 1_000_000);
    Instant boundary = schedule.boundary(999_999);

    assertThat(schedule.bandAt(boundary).number()).isEqualTo(1_000_000);
    assertThat(schedule.bandAt(boundary.minusNanos(1)).number()).isEqualTo(999_999);
  }

  @Test
  void ofUsesReleaseSettings() {
    BandSchedule schedule = BandSchedule.of(START, CanarySettings.defaults());

    assertThat(schedule).isEqualTo(TWO_DAYS_FIVE_BANDS);
  }

  @Test
  void rejectsZeroPeriod() {
    assertThatThrownBy(() -> new BandSchedule(START, Duration.ZERO, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be more than 0, got PT0S");
  }

  @Test
  void rejectsBandCountBelowOne() {
    assertThatThrownBy(() -> new BandSchedule(START, Duration.ofDays(2), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bandCount must be at least 1, got 0");
  }

  @Test
  void rejectsPeriodBeyondNanosecondRange() {
    assertThatThrownBy(() -> new BandSchedule(START, Duration.ofDays(200_000), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("period must fit in a long count of nanoseconds");
  }
}

package dev.canarypy.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.core.analysis.AnalysisSimulation.Outcome;
import dev.canarypy.core.analysis.AnalysisSimulation.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Checks the published targets of the health analysis on the fixed seed, with one stable signal per
 * canary signal, the analysis run after every canary signal and the default settings. The scenarios
 * are those of the first table in {@code docs/ANALYSIS.md}, so a failure here means the published
 * numbers changed.
 */
class AnalysisSimulationTest {
  private static final int MAX_CANARY_SIGNALS = 1_000;
  private static final int CANARIES = 2_000;

  private final AnalysisSimulation simulation = new AnalysisSimulation(AnalysisSimulation.SEED, 1);

  @Test
  void equalRatesRarelyRollBack() {
    Outcome outcome = simulation.run(new Scenario(0.02, CANARIES, MAX_CANARY_SIGNALS));

    assertThat(outcome.rolledBackFraction())
        .as(
            "fraction of canaries failing 2 %% of runs ever rolled back (%d of %d)",
            outcome.rolledBack(), CANARIES)
        .isLessThanOrEqualTo(0.01);
  }

  /**
   * A canary failing 7 % of runs against a stable failing 2 % sits exactly at the default tolerance
   * of 5 points, where the tolerance test's error bound is tight.
   */
  @Test
  void canaryAtToleranceRarelyRollsBack() {
    Outcome outcome = simulation.run(new Scenario(0.07, CANARIES, MAX_CANARY_SIGNALS));

    assertThat(outcome.rolledBackFraction())
        .as(
            "fraction of canaries failing 7 %% of runs ever rolled back (%d of %d)",
            outcome.rolledBack(), CANARIES)
        .isLessThanOrEqualTo(0.01);
  }

  @Test
  void alwaysFailingRollsBackWithinFive() {
    Outcome outcome = simulation.run(new Scenario(1.0, CANARIES, MAX_CANARY_SIGNALS));

    assertThat(outcome.rolledBack()).as("canaries rolled back").isEqualTo(CANARIES);
    assertThat(outcome.max()).as("most signals to rollback").isLessThanOrEqualTo(5);
  }

  @Test
  void halfFailingMedianAtMost25() {
    Outcome outcome = simulation.run(new Scenario(0.5, CANARIES, MAX_CANARY_SIGNALS));

    assertThat(outcome.percentile(0.5))
        .as("median signals to rollback (0 means beyond the limit)")
        .isBetween(1, 25);
  }

  @Test
  void fifthFailingMedianAtMost200() {
    Outcome outcome = simulation.run(new Scenario(0.2, CANARIES, MAX_CANARY_SIGNALS));

    assertThat(outcome.percentile(0.5))
        .as("median signals to rollback (0 means beyond the limit)")
        .isBetween(1, 200);
  }
}

package dev.canarypy.core.analysis;

import dev.canarypy.core.release.CanarySettings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte Carlo simulation of the health analysis under continuous monitoring.
 *
 * <p>Each simulated canary sends up to {@code maxCanarySignals} signals, each failing with the
 * scenario's canary failure rate. Alongside every canary signal the stable release sends {@code
 * stableSignalsPerCanarySignal} signals, each failing with the stable failure rate. The analysis
 * runs with the default settings after every canary signal, and the simulation records the first
 * canary signal at which it fails, which is when the server would roll the canary back.
 *
 * <p>Every scenario starts from the same seed and gives each canary its own generator split from it
 * in order, so the results do not depend on thread scheduling. Run {@link #main} to print the
 * tables of {@code docs/ANALYSIS.md}.
 */
public final class AnalysisSimulation {
  /** Seed of every published run. */
  public static final long SEED = 20_261_204L;

  /** Failure rate of the stable release in every scenario. */
  public static final double STABLE_FAILURE_RATE = 0.02;

  private final HealthAnalyzer analyzer = new HealthAnalyzer();
  private final CanarySettings settings = CanarySettings.defaults();
  private final long seed;
  private final int stableSignalsPerCanarySignal;

  /**
   * Creates a simulation.
   *
   * @param seed seed of the random generators
   * @param stableSignalsPerCanarySignal stable signals sent alongside each canary signal
   */
  public AnalysisSimulation(long seed, int stableSignalsPerCanarySignal) {
    this.seed = seed;
    this.stableSignalsPerCanarySignal = stableSignalsPerCanarySignal;
  }

  /**
   * One simulated population of canaries.
   *
   * @param canaryFailureRate probability that a canary run fails
   * @param canaries number of simulated canaries
   * @param maxCanarySignals canary signals after which a canary that was not rolled back stops
   */
  public record Scenario(double canaryFailureRate, int canaries, int maxCanarySignals) {}

  /**
   * Results of one scenario.
   *
   * @param scenario the simulated scenario
   * @param signalsToRollback for each canary, the canary signal at which the analysis first failed,
   *     or 0 if it never failed within {@code maxCanarySignals}. The array is sorted, with the
   *     zeros last.
   */
  public record Outcome(Scenario scenario, int[] signalsToRollback) {

    /** Returns the number of canaries rolled back within the scenario's signal limit. */
    public int rolledBack() {
      return (int) Arrays.stream(signalsToRollback).filter(signals -> signals > 0).count();
    }

    /** Returns the fraction of canaries rolled back within the scenario's signal limit. */
    public double rolledBackFraction() {
      return (double) rolledBack() / signalsToRollback.length;
    }

    /**
     * Returns the nearest-rank percentile of the signals to rollback over all canaries, counting a
     * canary never rolled back as beyond the limit. Returns 0 when the percentile lies beyond the
     * limit.
     *
     * @param fraction the percentile as a fraction, such as 0.5 for the median
     */
    public int percentile(double fraction) {
      int rank = (int) Math.ceil(fraction * signalsToRollback.length);
      return rank <= rolledBack() ? signalsToRollback[rank - 1] : 0;
    }

    /** Returns the largest number of signals to rollback, or 0 if no canary was rolled back. */
    public int max() {
      int rolledBack = rolledBack();
      return rolledBack == 0 ? 0 : signalsToRollback[rolledBack - 1];
    }
  }

  /** Runs one scenario on all available processors. */
  public Outcome run(Scenario scenario) {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] randoms = new SplittableRandom[scenario.canaries()];
    for (int i = 0; i < randoms.length; i++) {
      randoms[i] = root.split();
    }

    int[] signalsToRollback =
        IntStream.range(0, randoms.length)
            .parallel()
            .map(i -> signalsToRollback(scenario, randoms[i]))
            .toArray();
    return new Outcome(scenario, sortedWithNeverLast(signalsToRollback));
  }

  private int signalsToRollback(Scenario scenario, SplittableRandom random) {
    SignalCounts canary = SignalCounts.NONE;
    SignalCounts stable = SignalCounts.NONE;
    for (int signal = 1; signal <= scenario.maxCanarySignals(); signal++) {
      canary = nextSignal(canary, scenario.canaryFailureRate(), random);
      for (int i = 0; i < stableSignalsPerCanarySignal; i++) {
        stable = nextSignal(stable, STABLE_FAILURE_RATE, random);
      }
      if (analyzer.analyze(canary, stable, settings).verdict() == Verdict.FAIL) {
        return signal;
      }
    }
    return 0;
  }

  private static SignalCounts nextSignal(
      SignalCounts counts, double failureRate, SplittableRandom random) {
    return random.nextDouble() < failureRate ? counts.plusFailure() : counts.plusSuccess();
  }

  private static int[] sortedWithNeverLast(int[] signalsToRollback) {
    int[] never = Arrays.stream(signalsToRollback).filter(signals -> signals == 0).toArray();
    int[] sorted =
        Arrays.stream(signalsToRollback).filter(signals -> signals > 0).sorted().toArray();
    int[] result = Arrays.copyOf(sorted, signalsToRollback.length);
    System.arraycopy(never, 0, result, sorted.length, never.length);
    return result;
  }

  /** Prints the result tables of {@code docs/ANALYSIS.md}, with the time each table took. */
  public static void main(String[] args) {
    List<Scenario> withStable =
        List.of(
            new Scenario(0.02, 2_000, 1_000),
            new Scenario(0.07, 2_000, 1_000),
            new Scenario(1.0, 2_000, 1_000),
            new Scenario(0.5, 2_000, 1_000),
            new Scenario(0.2, 2_000, 1_000),
            new Scenario(0.1, 2_000, 1_000),
            new Scenario(0.1, 500, 10_000));
    List<Scenario> withoutStable =
        List.of(
            new Scenario(0.2, 2_000, 1_000),
            new Scenario(0.3, 2_000, 1_000),
            new Scenario(0.5, 2_000, 1_000),
            new Scenario(1.0, 2_000, 1_000));
    printTable(1, withStable);
    printTable(4, withStable);
    printTable(0, withoutStable);
  }

  private static void printTable(int stableSignalsPerCanarySignal, List<Scenario> scenarios) {
    long started = System.nanoTime();
    AnalysisSimulation simulation = new AnalysisSimulation(SEED, stableSignalsPerCanarySignal);
    System.out.printf(
        Locale.ROOT,
        "%nStable failure rate %.0f%%, %d stable signals per canary signal, seed %d%n%n",
        STABLE_FAILURE_RATE * 100,
        stableSignalsPerCanarySignal,
        SEED);
    System.out.println(
        "| canary failure rate | canaries | signal limit | rolled back | median | 90th percentile"
            + " | max |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Scenario scenario : scenarios) {
      System.out.println(tableRow(simulation.run(scenario)));
    }
    System.out.printf(
        Locale.ROOT,
        "%n(%.1f s on %d processors)%n",
        (System.nanoTime() - started) / 1e9,
        Runtime.getRuntime().availableProcessors());
  }

  private static String tableRow(Outcome outcome) {
    Scenario scenario = outcome.scenario();
    return String.format(
        Locale.ROOT,
        "| %.0f%% | %,d | %,d | %,d (%.2f%%) | %s | %s | %s |",
        scenario.canaryFailureRate() * 100,
        scenario.canaries(),
        scenario.maxCanarySignals(),
        outcome.rolledBack(),
        outcome.rolledBackFraction() * 100,
        signalsOrBeyond(outcome.percentile(0.5), scenario),
        signalsOrBeyond(outcome.percentile(0.9), scenario),
        outcome.rolledBack() == 0 ? "–" : String.format(Locale.ROOT, "%,d", outcome.max()));
  }

  private static String signalsOrBeyond(int signals, Scenario scenario) {
    return signals == 0
        ? String.format(Locale.ROOT, "> %,d", scenario.maxCanarySignals())
        : String.format(Locale.ROOT, "%,d", signals);
  }
}

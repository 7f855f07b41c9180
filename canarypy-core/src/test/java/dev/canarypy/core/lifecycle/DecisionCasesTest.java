package dev.canarypy.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.core.analysis.Verdict;
import dev.canarypy.core.lifecycle.DecisionCases.DecisionCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionCasesTest {

  @Test
  void parseSkipsCommentsBlankLinesAndHeader() {
    List<DecisionCase> cases =
        DecisionCases.parse(
            List.of(
                "# comment",
                "",
                "case,a,b,c,d,e,f,g,h,i",
                "passing at end, 48, 2, 49, 1, 48, 2, 5, PROMOTE, PASS"));

    assertThat(cases)
        .containsExactly(
            new DecisionCase(
                "passing at end",
                new SignalCounts(48, 2),
                new SignalCounts(49, 1),
                48,
                2,
                5,
                DecisionType.PROMOTE,
                Verdict.PASS));
  }

  @Test
  void parseRejectsMissingColumn() {
    List<String> lines = List.of("header", "short,1,2,3");

    assertThatThrownBy(() -> DecisionCases.parse(lines))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(DecisionCases.RESOURCE + " line 2 has 4 columns, expected 10: short,1,2,3");
  }

  @Test
  void parseRejectsUnknownDecision() {
    List<String> lines = List.of("header", "x,1,0,1,0,1,2,5,PROMOTED,PASS");

    assertThatThrownBy(() -> DecisionCases.parse(lines))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(DecisionCases.RESOURCE + " line 2 is invalid");
  }

  @Test
  void evaluatedAtAddsFractionalHours() {
    DecisionCase decisionCase =
        new DecisionCase(
            "x",
            SignalCounts.NONE,
            SignalCounts.NONE,
            1.5,
            2,
            5,
            DecisionType.NONE,
            Verdict.INCONCLUSIVE);
    Instant releaseDate = Instant.parse("2026-03-01T00:00:00Z");

    assertThat(decisionCase.evaluatedAt(releaseDate))
        .isEqualTo(releaseDate.plus(Duration.ofMinutes(90)));
    assertThat(decisionCase.settings().canaryPeriod()).isEqualTo(Duration.ofDays(2));
  }
}

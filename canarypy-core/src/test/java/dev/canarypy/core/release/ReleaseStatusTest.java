package dev.canarypy.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ReleaseStatusTest {

  @ParameterizedTest
  @EnumSource(ReleaseStatus.class)
  void wireNameRoundTrips(ReleaseStatus status) {
    assertThat(ReleaseStatus.fromWireName(status.wireName())).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource({"rolled_back, ROLLED_BACK", "ROLLED_BACK, ROLLED_BACK", "Canary, CANARY"})
  void fromWireNameIgnoresCase(String wireName, ReleaseStatus expected) {
    assertThat(ReleaseStatus.fromWireName(wireName)).isEqualTo(expected);
  }

  @Test
  void fromWireNameRejectsUnknownName() {
    assertThatThrownBy(() -> ReleaseStatus.fromWireName("retired"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid release status 'retired', expected one of: canary, stable, superseded,"
                + " rolled_back, paused, inactive");
  }
}

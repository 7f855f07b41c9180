package dev.canarypy.server.signal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast check against Bean Validation on the same requests: the check must never pass a request
 * that Bean Validation or the status parser rejects.
 */
class SignalRequestCheckTest {

  private static final SignalRequest VALID =
      new SignalRequest("registry.example.com/app", "1.0.0", "worker-1", "nightly run", "success");

  /** Values around each constraint: blanks, control characters, Unicode spaces and the limits. */
  private static final List<String> TEXT_CASES =
      List.of(
          "a",
          " a ",
          "",
          " ",
          "   ",
          "\t",
          "a\tb",
          "a\nb",
          "\r\n",
          "\u0000",
          "a\u0000",
          "\u007f",
          "a\u007f",
          "\u0085",
          "\u00a0",
          "\u2003",
          "\u3000",
          "x\u2028y",
          "é",
          "😀",
          "\ud800",
          "a".repeat(128),
          "a".repeat(129),
          "a".repeat(256),
          "a".repeat(257),
          "a".repeat(2048),
          "a".repeat(2049),
          "a".repeat(4000),
          "a".repeat(4001),
          " ".repeat(4000));

  private static final List<String> STATUS_CASES =
      List.of("success", "ok", " Succeeded ", "FAILED", "error", "failure", "bogus", "", " ", "\t");

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void createValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  @Test
  void validRequestPasses() {
    assertThat(SignalRequestCheck.passes(VALID)).isTrue();
  }

  @Test
  void nullRequestFails() {
    assertThat(SignalRequestCheck.passes(null)).isFalse();
  }

  @Test
  void eachFieldCaseMatchesBeanValidation() {
    List<Function<String, SignalRequest>> fields =
        List.of(
            value ->
                new SignalRequest(
                    value,
                    VALID.semverVersion(),
                    VALID.instanceId(),
                    VALID.description(),
                    VALID.status()),
            value ->
                new SignalRequest(
                    VALID.artifactUrl(),
                    value,
                    VALID.instanceId(),
                    VALID.description(),
                    VALID.status()),
            value ->
                new SignalRequest(
                    VALID.artifactUrl(),
                    VALID.semverVersion(),
                    value,
                    VALID.description(),
                    VALID.status()),
            value ->
                new SignalRequest(
                    VALID.artifactUrl(),
                    VALID.semverVersion(),
                    VALID.instanceId(),
                    value,
                    VALID.status()));
    List<String> values = new ArrayList<>(TEXT_CASES);
    values.add(null);
    for (Function<String, SignalRequest> field : fields) {
      for (String value : values) {
        SignalRequest request = field.apply(value);
        assertThat(SignalRequestCheck.passes(request))
            .as("check of %s", request)
            .isEqualTo(isAccepted(request));
      }
    }
  }

  @Test
  void statusCasesMatchParser() {
    List<String> values = new ArrayList<>(STATUS_CASES);
    values.add(null);
    for (String value : values) {
      SignalRequest request =
          new SignalRequest(
              VALID.artifactUrl(),
              VALID.semverVersion(),
              VALID.instanceId(),
              VALID.description(),
              value);
      assertThat(SignalRequestCheck.passes(request))
          .as("check of status %s", value)
          .isEqualTo(isAccepted(request));
    }
  }

  @Test
  void randomRequestsNeverPassWhenInvalid() {
    // The seed is fixed so that a failure can be repeated. The alphabet mixes every kind of
    // character that the constraints treat specially.
    Random random = new Random(20261204L);
    char[] alphabet = {'a', ' ', '\t', '\n', '\u0000', '\u007f', '\u0085', '\u00a0', '\u2003'};
    int passed = 0;
    for (int i = 0; i < 5_000; i++) {
      String[] fields = new String[4];
      for (int field = 0; field < fields.length; field++) {
        fields[field] = randomText(random, alphabet);
      }
      SignalRequest request =
          new SignalRequest(fields[0], fields[1], fields[2], fields[3], "success");
      boolean accepted = isAccepted(request);
      if (SignalRequestCheck.passes(request)) {
        passed++;
        assertThat(accepted).as("Bean Validation of %s", request).isTrue();
      }
    }
    assertThat(passed).as("requests that passed the check").isPositive();
  }

  private static String randomText(Random random, char[] alphabet) {
    if (random.nextInt(20) == 0) {
      return null;
    }
    int length = random.nextInt(6);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      // Mostly letters, so that a good share of the requests is valid.
      text.append(random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : 'a');
    }
    return text.toString();
  }

  private static boolean isAccepted(SignalRequest request) {
    return validator.validate(request).isEmpty()
        && SignalStatus.parse(request.status()).isPresent();
  }
}

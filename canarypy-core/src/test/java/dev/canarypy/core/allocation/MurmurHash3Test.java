package dev.canarypy.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values of MurmurHash3_x86_32, computed with Guava 33.4.8's {@code
 * Hashing.murmur3_32_fixed}, which covers every tail length from 0 to 3 bytes and multi-byte UTF-8.
 */
class MurmurHash3Test {

  @ParameterizedTest
  @CsvSource({
    "'', 0, 0x00000000",
    "'', 1, 0x514e28b7",
    "a, 0, 0x3c2569b2",
    "ab, 0, 0x9bbfd75f",
    "abc, 0, 0xb3dd93fa",
    "abcd, 0, 0x43ed676a",
    "hello, 0, 0x248bfa47",
    "hello, 1, 0xbb4abcad",
    "'Hello, world!', 0, 0xc0363e43",
    "The quick brown fox jumps over the lazy dog, 0, 0x2e4ff723",
    "The quick brown fox jumps over the lazy dog, 1, 0x78e69e27",
    "ü€, 0, 0x09c2b2fe",
  })
  void hashMatchesReference(String text, int seed, String expectedHex) {
    int expected = Integer.parseUnsignedInt(expectedHex.substring(2), 16);

    assertThat(MurmurHash3.hash32(text.getBytes(StandardCharsets.UTF_8), seed)).isEqualTo(expected);
  }
}

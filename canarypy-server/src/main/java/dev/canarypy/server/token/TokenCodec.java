package dev.canarypy.server.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generates API tokens and derives the hash and the hint that the server stores instead. */
final class TokenCodec {

  /** Starts every token, so that secret scanners and people can recognise one. */
  static final String PREFIX = "cpy_";

  private static final int RANDOM_BYTES = 32;
  private static final int HINT_CHARACTERS = 4;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenCodec() {}

  /** Returns a new token: the prefix and 32 random bytes in URL-safe base64 without padding. */
  static String generate() {
    byte[] random = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(random);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /**
   * Returns the lowercase hex SHA-256 of a token.
   *
   * <p>One unsalted SHA-256 is enough because the tokens carry 256 random bits: no dictionary or
   * brute-force search can invert the hash, so a slow password hash (bcrypt, Argon2) would only
   * cost time on every request. A fast hash also lets the filter find a token with one map lookup.
   */
  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", missing);
    }
  }

  /** Returns the prefix and the last four characters, such as {@code cpy_...x9Qa}. */
  static String hint(String token) {
    return PREFIX + "..." + token.substring(token.length() - HINT_CHARACTERS);
  }
}

package dev.canarypy.server.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random, mostly malformed request parts drawn from one seeded {@link Random}, so a run can be
 * repeated exactly from its seed.
 *
 * <p>Generated text contains no upper-case ASCII letters outside percent-escapes such as {@code
 * %2F}, because replies may echo input and the fuzz test searches replies for words such as {@code
 * Exception} and {@code SQL}.
 */
public final class FuzzInput {

  private static final String ASCII =
      "abcdefghijklmnopqrstuvwxyz0123456789 .-_+:/?#[]@!$&'()*,;=%~";
  private static final String[] SPECIAL_SEGMENTS = {
    "..",
    ".",
    "%2E%2E",
    "%2e",
    "%2F",
    "%2F..%2F",
    "%5C",
    "%25",
    "%252F",
    "%20",
    "%C0%AF",
    "%FF",
    "%ED%A0%80",
    "%F0%9F%98%80",
    "%E2%80%AE",
    "-1",
    "0",
    "9223372036854775808",
    "1e400",
    "null",
    "%7B%7D",
    "%22"
  };

  private final Random random;

  public FuzzInput(long seed) {
    this.random = new Random(seed);
  }

  public Random random() {
    return random;
  }

  public boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  public <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Returns a length: mostly short, sometimes 10 thousand to 100 thousand, rarely 1 million. */
  public int length() {
    double roll = random.nextDouble();
    if (roll < 0.75) {
      return random.nextInt(41);
    }
    if (roll < 0.93) {
      return 100 + random.nextInt(5_000);
    }
    if (roll < 0.99) {
      return 10_000 + random.nextInt(90_000);
    }
    return 1_000_000;
  }

  /**
   * Returns text of about {@code length} characters mixing ASCII, right-to-left and combining
   * characters, emoji and other astral characters, lone surrogates and control characters.
   */
  public String text(int length) {
    // A long string repeats one short random chunk, so building it stays cheap.
    if (length > 2_000) {
      String chunk = text(500);
      StringBuilder repeated = new StringBuilder(length + chunk.length());
      while (repeated.length() < length) {
        repeated.append(chunk);
      }
      return repeated.toString();
    }
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      int kind = random.nextInt(12);
      switch (kind) {
        case 0 -> text.append((char) random.nextInt(0x20));
        case 1 -> text.append(pick(List.of('\u007f', '\u0085', '\u200b', '\ufeff', '\u2028')));
        case 2 -> text.append((char) (0x0590 + random.nextInt(0x0200))); // Hebrew and Arabic
        case 3 -> text.append(pick(List.of('\u202e', '\u200f', '\u202a', '\u2066')));
        case 4 -> text.appendCodePoint(0x1F600 + random.nextInt(0x50)); // emoji
        case 5 -> text.appendCodePoint(0x20000 + random.nextInt(0xA000)); // CJK extension B
        case 6 -> text.append((char) (0xD800 + random.nextInt(0x800))); // lone surrogate
        case 7 -> text.append((char) (0x0300 + random.nextInt(0x70))); // combining marks
        case 8 -> text.append(pick(List.of("..", "/", "\\", "%00", "%2F", "'", "\"", "<", ";")));
        default -> text.append(ASCII.charAt(random.nextInt(ASCII.length())));
      }
    }
    return text.toString();
  }

  /** Returns a JSON string literal; lone surrogates and control characters become escapes. */
  public static String jsonString(String value) {
    StringBuilder json = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char character = value.charAt(i);
      boolean pairedSurrogate =
          (Character.isHighSurrogate(character)
                  && i + 1 < value.length()
                  && Character.isLowSurrogate(value.charAt(i + 1)))
              || (Character.isLowSurrogate(character)
                  && i > 0
                  && Character.isHighSurrogate(value.charAt(i - 1)));
      if (character == '"' || character == '\\') {
        json.append('\\').append(character);
      } else if (character < 0x20 || (Character.isSurrogate(character) && !pairedSurrogate)) {
        json.append(String.format("\\u%04x", (int) character));
      } else {
        json.append(character);
      }
    }
    return json.append('"').toString();
  }

  /** Returns a raw JSON value of a random type, often not the type the field expects. */
  public String jsonValue() {
    return switch (random.nextInt(16)) {
      case 0, 1, 2, 3 -> jsonString(text(length()));
      case 4 -> pick(List.of("1e400", "-1e400", "1e-400", "-0", "0", "1.5", "-1"));
      case 5 -> pick(List.of("9223372036854775808", "-9223372036854775809", "2147483648"));
      case 6 -> "1" + "0".repeat(random.nextInt(5_000));
      case 7 -> pick(List.of("true", "false", "null"));
      case 8 -> "[" + jsonString(text(5)) + ", 1, null]";
      case 9 -> "{\"a\": " + jsonString(text(5)) + "}";
      case 10 -> nested(1 + random.nextInt(20));
      case 11 -> pick(List.of("NaN", "Infinity", "'single'", "0x10", "01", "+1", ".5", "tru"));
      case 12 -> Long.toString(random.nextLong());
      case 13 -> Double.toString(random.nextDouble() * 1e6 - 5e5);
      default -> jsonString("");
    };
  }

  /** Returns {@code depth} nested arrays or objects. */
  public String nested(int depth) {
    boolean arrays = random.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    return open.repeat(depth) + "1" + close.repeat(depth);
  }

  /**
   * Returns a mutated JSON body built from the valid {@code fields}: a field replaced, removed,
   * duplicated or added, or the whole body replaced by something malformed.
   */
  public String body(Map<String, String> fields) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(fields.entrySet());
    int roll = random.nextInt(20);
    if (roll < 12) {
      int mutations = 1 + random.nextInt(3);
      for (int i = 0; i < mutations && !entries.isEmpty(); i++) {
        mutate(entries);
      }
      return object(entries);
    }
    String valid = object(entries);
    return switch (roll) {
      case 12 -> "";
      case 13 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
      case 14 -> nested(pick(List.of(600, 2_000, 10_000)));
      case 15 -> "[" + valid + "]";
      case 16 -> jsonValue();
      case 17 -> valid + pick(List.of("}", " {}", ",", " x", "\u0000"));
      case 18 -> "\ufeff" + valid;
      default -> text(length());
    };
  }

  private void mutate(List<Map.Entry<String, String>> entries) {
    int index = random.nextInt(entries.size());
    String key = entries.get(index).getKey();
    switch (random.nextInt(5)) {
      case 0 -> entries.set(index, Map.entry(key, jsonValue()));
      case 1 -> entries.remove(index);
      case 2 -> entries.add(Map.entry(key, jsonValue())); // duplicate key
      case 3 -> entries.add(Map.entry(text(1 + random.nextInt(20)), jsonValue()));
      default -> entries.set(index, Map.entry(key, jsonString(text(length()))));
    }
  }

  private static String object(List<Map.Entry<String, String>> entries) {
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> entry : entries) {
      if (json.length() > 1) {
        json.append(", ");
      }
      json.append(jsonString(entry.getKey())).append(": ").append(entry.getValue());
    }
    return json.append('}').toString();
  }

  /**
   * Encodes a body as UTF-8, sometimes with bytes that are not valid UTF-8 put in at a random
   * place.
   */
  public byte[] bytes(String body) {
    byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == 0 || !chance(0.1)) {
      return utf8;
    }
    byte[][] invalid = {
      {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0}
    };
    int at = random.nextInt(utf8.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 3);
    out.write(utf8, 0, at);
    out.writeBytes(invalid[random.nextInt(invalid.length)]);
    out.write(utf8, at, utf8.length - at);
    return out.toByteArray();
  }

  /** Returns a path segment: the valid value, a special sequence or encoded random text. */
  public String segment(String valid) {
    double roll = random.nextDouble();
    if (roll < 0.4) {
      return Api.segment(valid);
    }
    if (roll < 0.65) {
      return SPECIAL_SEGMENTS[random.nextInt(SPECIAL_SEGMENTS.length)];
    }
    if (roll < 0.7) {
      return Api.segment(valid) + SPECIAL_SEGMENTS[random.nextInt(SPECIAL_SEGMENTS.length)];
    }
    // Tomcat limits the request line, so path text stays under a few thousand characters.
    return Api.segment(text(random.nextInt(chance(0.1) ? 3_000 : 40)));
  }

  /** Returns a query parameter value, percent-encoded. */
  public String queryValue(String valid) {
    return chance(0.3) ? Api.segment(valid) : segment(valid);
  }

  /** Returns a Content-Type header value, or null to send none. */
  public String contentType() {
    return pick(
        List.of(
            "application/json",
            "application/json",
            "application/json",
            "application/json; charset=utf-8",
            "application/json; charset=utf-16",
            "application/json; charset=bogus",
            "application/problem+json",
            "application/x-www-form-urlencoded",
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "*/*",
            "application",
            "json/",
            ";;;",
            "NONE"));
  }

  /** Returns an Accept header value, or null to send none. */
  public String accept() {
    if (chance(0.7)) {
      return "NONE";
    }
    return pick(
        List.of(
            "NONE",
            "NONE",
            "application/json",
            "application/problem+json",
            "text/html",
            "application/xml",
            "text/plain",
            "image/png",
            "*/*",
            "application/json;q=0",
            "garbage"));
  }

  /** Returns a random printable ASCII header value without upper-case letters. */
  public String headerValue() {
    int length = chance(0.1) ? 5_000 : random.nextInt(60);
    StringBuilder value = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      value.append((char) (0x20 + random.nextInt(0x5f)));
    }
    return value.toString().toLowerCase(java.util.Locale.ROOT).strip();
  }
}

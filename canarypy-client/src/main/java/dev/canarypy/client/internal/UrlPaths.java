package dev.canarypy.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Builds encoded request paths. Product names may contain spaces, slashes and other characters. */
public final class UrlPaths {

  private UrlPaths() {}

  /**
   * Joins path segments with slashes and percent-encodes each one, spaces as {@code %20} rather
   * than {@code +}, because a {@code +} in a path is a literal plus sign.
   */
  public static String of(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/').append(encode(segment));
    }
    return path.toString();
  }

  /** Appends a query string built from the parameters with a non-null value, in map order. */
  public static String withQuery(String path, Map<String, Object> parameters) {
    StringJoiner query = new StringJoiner("&", "?", "");
    query.setEmptyValue("");
    for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
      if (parameter.getValue() != null) {
        query.add(encode(parameter.getKey()) + "=" + encode(parameter.getValue().toString()));
      }
    }
    return path + query;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

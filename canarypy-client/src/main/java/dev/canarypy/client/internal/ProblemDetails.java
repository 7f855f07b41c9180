package dev.canarypy.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarypy.client.CanaryPyApiException;
import dev.canarypy.client.FieldError;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Turns an error reply into a {@link CanaryPyApiException}. */
final class ProblemDetails {

  /** The maximum length of a non-JSON error body copied into the exception's detail. */
  private static final int MAX_PLAIN_DETAIL = 300;

  private ProblemDetails() {}

  /**
   * Reads the RFC 9457 problem details of an error reply. A body that is not a JSON object, such as
   * a proxy's HTML page, becomes the detail as plain text, cut to a few hundred characters.
   */
  static CanaryPyApiException toException(
      ObjectMapper mapper, String method, URI uri, int status, String body) {
    JsonNode problem = readObject(mapper, body);
    if (problem == null) {
      String detail = body == null || body.isBlank() ? null : shorten(body.strip());
      return new CanaryPyApiException(
          method, uri, status, null, reasonPhrase(status), detail, List.of());
    }

    String title = text(problem, "title");
    return new CanaryPyApiException(
        method,
        uri,
        status,
        text(problem, "type"),
        title == null ? reasonPhrase(status) : title,
        text(problem, "detail"),
        fieldErrors(problem.get("errors")));
  }

  private static JsonNode readObject(ObjectMapper mapper, String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static List<FieldError> fieldErrors(JsonNode errors) {
    List<FieldError> result = new ArrayList<>();
    if (errors == null || !errors.isArray()) {
      return result;
    }
    for (JsonNode error : errors) {
      result.add(new FieldError(text(error, "field"), text(error, "message")));
    }
    return result;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String shorten(String text) {
    return text.length() <= MAX_PLAIN_DETAIL ? text : text.substring(0, MAX_PLAIN_DETAIL) + "...";
  }

  /** Returns the standard reason phrase of the statuses the server uses. */
  static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "HTTP " + status;
    };
  }
}

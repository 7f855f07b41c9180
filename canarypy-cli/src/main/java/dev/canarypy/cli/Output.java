package dev.canarypy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints a command's result as a table or message for people, or as indented JSON for scripts. */
public final class Output {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter PRETTY_WRITER = MAPPER.writerWithDefaultPrettyPrinter();

  private final OutputFormat format;
  private final PrintWriter out;
  private String lastReply;

  /** Creates an output that prints to {@code out} in the given format. */
  public Output(OutputFormat format, PrintWriter out) {
    this.format = format;
    this.out = out;
  }

  /** Returns whether scripts requested JSON with {@code --output json}. */
  public boolean isJson() {
    return format == OutputFormat.JSON;
  }

  /** Keeps the body of the server's latest reply; the client calls it for every reply. */
  public void recordReply(String body) {
    lastReply = body;
  }

  /**
   * Prints the server's latest reply as indented JSON, with the fields and values exactly as the
   * server sent them, so that scripts see the API's own format.
   */
  public void serverJson() {
    if (lastReply == null) {
      throw new IllegalStateException("No reply from the server to print");
    }
    try {
      out.println(PRETTY_WRITER.writeValueAsString(MAPPER.readTree(lastReply)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The server's reply is not valid JSON: " + e.getMessage(), e);
    }
    out.flush();
  }

  /** Prints a value that the command built, as indented JSON. */
  public void json(Object value) {
    try {
      out.println(PRETTY_WRITER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the result as JSON: " + e.getMessage(), e);
    }
    out.flush();
  }

  /** Prints one line of text. */
  public void line(String text) {
    out.println(text);
    out.flush();
  }

  /**
   * Prints labelled values one per line, the values aligned after the longest label, such as {@code
   * Status: canary}.
   */
  public void fields(Map<String, String> labelledValues) {
    int width = 0;
    for (String label : labelledValues.keySet()) {
      width = Math.max(width, label.length() + 1);
    }
    for (Map.Entry<String, String> entry : labelledValues.entrySet()) {
      String label = entry.getKey() + ":";
      out.println(label + " ".repeat(width - label.length() + 2) + entry.getValue());
    }
    out.flush();
  }

  /** Returns a table row of the cells' text, keeping nulls so that they print as {@code -}. */
  public static List<String> row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell == null ? null : cell.toString());
    }
    return row;
  }

  /**
   * Prints rows under a header line, each column as wide as its widest cell and separated by two
   * spaces. A null cell prints as {@code -}; the last column is not padded.
   */
  public void table(List<String> headers, List<List<String>> rows) {
    int[] widths = new int[headers.size()];
    List<List<String>> lines = new ArrayList<>();
    lines.add(headers);
    for (List<String> row : rows) {
      lines.add(row.stream().map(cell -> cell == null ? "-" : cell).toList());
    }
    for (List<String> line : lines) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], line.get(column).length());
      }
    }

    for (List<String> line : lines) {
      StringBuilder text = new StringBuilder();
      for (int column = 0; column < widths.length; column++) {
        String cell = line.get(column);
        text.append(cell);
        if (column < widths.length - 1) {
          text.append(" ".repeat(widths[column] - cell.length() + 2));
        }
      }
      out.println(text.toString().stripTrailing());
    }
    out.flush();
  }
}

package dev.canarypy.cli.product;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * Reads the answers to prompts: from the terminal when there is one, otherwise one line per prompt
 * from standard input, with the prompt on standard error so that standard output keeps only the
 * result.
 */
final class Prompter {

  private final Console console;
  private final PrintWriter err;
  private BufferedReader stdin;

  Prompter(Console console, PrintWriter err) {
    this.console = console;
    this.err = err;
  }

  /** Returns the trimmed response, or null when the input ended first. */
  String ask(String prompt) {
    String answer;
    if (console != null) {
      answer = console.readLine("%s: ", prompt);
    } else {
      err.print(prompt + ": ");
      err.flush();
      answer = readLine();
      // Piped answers are not echoed, so end each prompt's line here: the next prompt or an error
      // message then starts on a line of its own.
      err.println();
      err.flush();
    }
    return answer == null ? null : answer.trim();
  }

  private String readLine() {
    try {
      if (stdin == null) {
        stdin = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
      }
      return stdin.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read standard input", e);
    }
  }
}

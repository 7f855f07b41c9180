package dev.canarypy.cli;

/** The format in which commands print their results. */
public enum OutputFormat {
  /** Aligned tables and short messages for people. */
  TABLE,
  /** The server's JSON, indented, for scripts. */
  JSON
}

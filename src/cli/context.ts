/** What every command gets: where to print, where to warn, and a flag for a partial failure. */
export interface CliContext {
  /** Prints a line to stdout, control characters escaped (`termSafe`). */
  out(line: string): void;
  /** Prints a line to stderr, control characters escaped. */
  warn(line: string): void;
  /** Prints a line built from pieces the command escaped itself, with styling of its own (search's highlights). */
  outStyled(line: string): void;
  /** Set when some input failed but the command went on; main exits 1. */
  failed: boolean;
}

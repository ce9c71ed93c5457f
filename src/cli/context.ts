/** What every command gets: where to print, where to warn, and a flag for a partial failure. */
export interface CliContext {
  out(line: string): void;
  warn(line: string): void;
  /** Set when some input failed but the command went on; main exits 1. */
  failed: boolean;
}

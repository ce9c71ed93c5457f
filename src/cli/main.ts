/** The CLI's one entry: parse, run a command, and the only place that catches and exits. */
import { Command, CommanderError } from 'commander';
import { isAppError } from '../domain/errors.js';
import type { CliContext } from './context.js';
import { termSafe } from './terminal.js';
import { register as registerExtract } from './commands/extract.js';
import { register as registerIngest } from './commands/ingest.js';
import { register as registerReextract } from './commands/reextract.js';
import { register as registerReconcile } from './commands/reconcile.js';
import { register as registerDocs } from './commands/docs.js';
import { register as registerShow } from './commands/show.js';
import { register as registerSearch } from './commands/search.js';
import { register as registerFigures } from './commands/figures.js';
import { register as registerTimeline } from './commands/timeline.js';
import { register as registerSources } from './commands/sources.js';
import { register as registerEntities } from './commands/entities.js';
import { register as registerChecks } from './commands/checks.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerToken } from './commands/token.js';
import { register as registerWorker } from './commands/worker.js';
import { register as registerMigrate } from './commands/migrate.js';

const ctx: CliContext = {
  // Everything printed passes termSafe: report text never reaches the terminal as control codes.
  out: (line) => process.stdout.write(`${termSafe(line)}\n`),
  warn: (line) => process.stderr.write(`${termSafe(line)}\n`),
  outStyled: (line) => process.stdout.write(`${line}\n`),
  failed: false,
};

// A reader that stops early (`crosscheck figures | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const program = new Command()
  .name('crosscheck')
  .description('Turn reports about a contested event into an auditable evidence record:\nevery casualty figure, date and attribution, with its exact span in the source.')
  .version('0.1.0')
  .showHelpAfterError()
  // Commander's own messages echo what was typed ("unknown option '…'"): escaped like the rest.
  .configureOutput({ writeOut: (s) => process.stdout.write(termSafe(s)), writeErr: (s) => process.stderr.write(termSafe(s)) })
  .exitOverride();

for (const register of [registerExtract, registerIngest, registerReextract, registerReconcile, registerDocs, registerShow, registerSearch,
  registerFigures, registerTimeline, registerSources, registerEntities, registerChecks,
  registerServe, registerToken, registerWorker, registerMigrate]) register(program, ctx);

try {
  await program.parseAsync(process.argv);
  process.exitCode = ctx.failed ? 1 : 0;
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode;
  } else if (isAppError(e)) {
    process.stderr.write(`crosscheck: ${termSafe(e.message)}\n`);
    process.exitCode = e.code === 'E_USAGE' || e.code === 'E_BAD_INPUT' ? 2 : 1;
  } else {
    process.stderr.write(`crosscheck: unexpected error: ${termSafe(e instanceof Error ? e.stack ?? e.message : String(e))}\n`);
    process.exitCode = 70;
  }
}

/** The reconciled record for the read commands: the stored one, rebuilt when missing. */
import { requireDatabase } from './database.js';
import type { Command } from 'commander';
import type { App } from '../app.js';
import { createApp } from '../app.js';
import { reviewedRecord } from '../review/reconcile.js';
import type { ReconcileRecord } from '../pipeline/run/record.js';
import type { Store } from '../storage/store.js';
import type { CliContext } from './context.js';
import { oneLine } from './terminal.js';

/** Opens the store and returns it with its record (building the record if none is stored yet). */
export async function openRecord(app: App): Promise<{ store: Store; record: ReconcileRecord }> {
  requireDatabase(app);
  const store = await app.openStore();
  try {
    // The stored record, or a fresh one when it is missing or predates a curator's review.
    const record = await reviewedRecord(store);
    return { store, record };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/** A report id → its file name (escaped for one line), for printing. */
export async function docLabels(store: Store): Promise<(id: string) => string> {
  const names = new Map<string, string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDocuments({ limit: 1000, offset });
    for (const d of page.items) names.set(d.id, oneLine(d.name));
    if (offset + 1000 >= page.total) break;
  }
  return (id) => names.get(id) ?? id;
}

/** What a record command's printer gets: the record, the open store, a labeller and its options. */
export interface RecordView<O> {
  record: ReconcileRecord;
  store: Store;
  label: (id: string) => string;
  opts: O & { json?: boolean };
}

/**
 * Registers a command that reads the reconciled record: `--db` and `--json` for all, the
 * store closed afterwards. `json` gives what `--json` prints; `print` writes for people.
 */
export function recordCommand<O>(program: Command, ctx: CliContext, spec: {
  name: string;
  description: string;
  options?: [flags: string, description: string][];
  json: (v: RecordView<O>) => unknown;
  print: (v: RecordView<O>) => Promise<void> | void;
}): void {
  const cmd = program.command(spec.name).description(spec.description)
    .option('--db <file>', 'the database file (default: $CROSSCHECK_DB or ./crosscheck.db)');
  for (const [flags, description] of spec.options ?? []) cmd.option(flags, description);
  cmd.option('--json', 'print JSON').action(async (opts: O & { db?: string; json?: boolean }) => {
    const { store, record } = await openRecord(createApp({ db: opts.db }));
    try {
      const view: RecordView<O> = { record, store, label: await docLabels(store), opts };
      if (opts.json) ctx.out(JSON.stringify(spec.json(view), null, 2));
      else await spec.print(view);
    } finally {
      await store.close();
    }
  });
}

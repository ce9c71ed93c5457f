/** The reconciled record for the read commands: the stored one, rebuilt when missing. */
import { existsSync } from 'node:fs';
import type { App } from '../app.js';
import { AppError } from '../domain/errors.js';
import { reconcile } from '../pipeline/run/reconcile.js';
import { RECONCILE_KEY } from '../pipeline/run/record.js';
import type { ReconcileRecord } from '../pipeline/run/record.js';
import type { Store } from '../storage/store.js';

/** Opens the store and returns it with its record (building the record if none is stored yet). */
export async function openRecord(app: App): Promise<{ store: Store; record: ReconcileRecord }> {
  if (!existsSync(app.config.dbPath)) {
    throw new AppError('E_NOT_FOUND', `No database at ${app.config.dbPath}: run \`crosscheck ingest PATH\` first, or give --db FILE`);
  }
  const store = await app.openStore();
  try {
    const record = (await store.getRecord<ReconcileRecord>(RECONCILE_KEY)) ?? (await reconcile(store));
    return { store, record };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/** A report id → "name (publisher, date)" labeller for printing. */
export async function docLabels(store: Store): Promise<(id: string) => string> {
  const names = new Map<string, string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDocuments({ limit: 1000, offset });
    for (const d of page.items) names.set(d.id, d.name);
    if (offset + 1000 >= page.total) break;
  }
  return (id) => names.get(id) ?? id;
}

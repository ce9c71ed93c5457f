/**
 * Curators' edits of a report's metadata (publisher, author, published date), kept in a row set
 * beside the extracted metadata: neither the original bytes nor the extracted values change,
 * every reader of the API sees the edited values as the report's metadata, and reconcile dates
 * the report by its edited date.
 */
import type { DateMention, DocumentMeta } from '../../domain/types.js';
import type { RowChange, Store } from '../../storage/store.js';
import { redate } from '../2-extract/dates/relative.js';
import { SETS } from './record.js';
import type { Roster } from './roster.js';

/** The row set of metadata edits: key the report id; data `MetaEdit` (the latest edit of each report). */
export const META_EDITS_SET = 'meta-edits';

/** The fields a curator may edit. */
export const EDITABLE = ['publisher', 'author', 'published'] as const;
export type EditableField = (typeof EDITABLE)[number];

/** One report's edited fields: a value replaces the extracted one, null says there is none; absent fields keep theirs. */
export interface MetaEdit {
  fields: Partial<Record<EditableField, string | null>>;
  by: string;
  at: string;
  reason: string;
}

/** The metadata with the edit laid over it; an edited field is no longer `inferred`. */
export function applyMetaEdit(meta: DocumentMeta, edit: MetaEdit | null | undefined): DocumentMeta {
  if (!edit) return meta;
  const out: DocumentMeta = { ...meta };
  for (const k of EDITABLE) {
    if (!(k in edit.fields)) continue;
    const v = edit.fields[k];
    if (v === null || v === undefined) delete out[k];
    else out[k] = v;
  }
  if (out.inferred) {
    const inferred = out.inferred.filter((f) => !(f in edit.fields));
    if (inferred.length) out.inferred = inferred;
    else delete out.inferred;
  }
  return out;
}

/** The edits of some reports, by id (reports without one left out). */
export async function metaEdits(store: Store, ids: readonly string[]): Promise<Map<string, MetaEdit>> {
  const out = new Map<string, MetaEdit>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await store.getRows<MetaEdit>(META_EDITS_SET, { keys: ids.slice(i, i + 500) })) out.set(r.key, r.data);
  }
  return out;
}

/** Stores a report's edit (replacing its earlier one, which the audit log keeps in words). */
export async function putMetaEdit(store: Store, id: string, edit: MetaEdit): Promise<void> {
  await store.putRows([{ set: META_EDITS_SET, rows: [{ key: id, data: edit }] }]);
}

/** Every edit, by report id (the reports a curator edited: few beside the archive). */
export async function allMetaEdits(store: Store): Promise<Map<string, MetaEdit>> {
  return new Map((await store.getRows<MetaEdit>(META_EDITS_SET)).map((r) => [r.key, r.data]));
}

/** A report's dates once its date was edited: relative ones counted from the report's date count from the edited one. */
export function redated(dates: readonly DateMention[], extractedWith: string | undefined, edited: string | undefined): Array<DateMention | null> {
  if (extractedWith === edited) return [...dates];
  return dates.map((d) => {
    if (!d.relative) return d;
    const value = redate(d, extractedWith, edited);
    return value === undefined ? d : value === null ? null : { ...d, value };
  });
}

/** The reports whose metadata edit is not the one the last build applied (edited since, or no longer edited), and the rows to note what this build applies. */
export async function editedSince(store: Store, edits: ReadonlyMap<string, MetaEdit>, roster: Roster): Promise<{ docs: string[]; change: RowChange }> {
  const applied = new Map((await store.getRows<string>(SETS.metaApplied)).map((r) => [r.key, r.data]));
  const current = await roster.current([...edits.keys(), ...applied.keys()]);
  const docs = current.filter((id) => edits.get(id)?.at !== applied.get(id));
  const rows = current.filter((id) => edits.has(id)).map((id) => ({ key: id, data: edits.get(id)!.at }));
  return { docs, change: { set: SETS.metaApplied, clear: 'replace', rows } };
}

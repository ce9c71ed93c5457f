/** Audit entries and reviews in words: no internal keys, JSON or account names on screen. */
import { formatTimestamp } from '../../src/server/api/format.ts';
import { countValue } from './format.ts';
import type { CountCorrection, DateCorrection, EntityDecisionView, ReviewState } from './types.ts';

/** What an audit entry is about, read from its target (`doc:<id>#count:<start>-<end>:<item>`, `token:<id>`). */
export type AuditTarget =
  | { kind: 'count' | 'date'; doc: string; start: number; end: number; item: string }
  | { kind: 'token'; id: string }
  | { kind: 'document' | 'meta'; doc: string }
  | { kind: 'pair'; a: string; b: string }
  | { kind: 'entity'; name: string }
  | { kind: 'other'; text: string };

/** Reads an audit target; anything unknown is kept as text. */
export function parseTarget(target: string): AuditTarget {
  const m = /^doc:([^#]+)#(count|date):(\d+)-(\d+):(.*)$/.exec(target);
  if (m) return { kind: m[2] as 'count' | 'date', doc: m[1]!, start: Number(m[3]), end: Number(m[4]), item: m[5]! };
  const d = /^doc:([^#]+)(#meta)?$/.exec(target);
  if (d) return { kind: d[2] ? 'meta' : 'document', doc: d[1]! };
  const p = /^pair:([^:]+):([^:]+)$/.exec(target);
  if (p) return { kind: 'pair', a: p[1]!, b: p[2]! };
  const e = /^entity:(.+)$/s.exec(target);
  if (e) return { kind: 'entity', name: e[1]! };
  const t = /^token:(.+)$/.exec(target);
  if (t) return { kind: 'token', id: t[1]! };
  return { kind: 'other', text: target };
}

const ACTIONS: Record<string, string> = {
  'review.confirm': 'confirmed', 'review.reject': 'rejected', 'review.correct': 'corrected',
  'token.create': 'created a token', 'token.revoke': 'revoked a token',
  'document.add': 'added a report', 'document.meta': 'edited the metadata',
  'sources.same': 'decided: one source', 'sources.independent': 'decided: independent sources',
  'entities.merge': 'merged entities', 'entities.split': 'split an entity',
};

/** "corrected", "created a token"; an unknown action as its words ("note"). */
export function actionText(action: string): string {
  return ACTIONS[action] ?? action.replace(/[._]/g, ' ');
}

/** A merge or split in words: "merged the entity “Xocalı” into “Khojaly”", "split “Hocalı” from “Khojaly”". */
export function entityDecisionText(d: Pick<EntityDecisionView, 'decision' | 'name' | 'into' | 'from'>): string {
  return d.decision === 'merge' ? `merged the entity “${d.name}” into “${d.into ?? '?'}”` : `split “${d.name}” from “${d.from ?? '?'}”`;
}

/** What an audit entry did, in words: a merge or split as a sentence, anything else as its action's words. */
export function entryText(e: { action: string; before: unknown; after: unknown }): string {
  const b = (e.before ?? {}) as Record<string, unknown>;
  const a = (e.after ?? {}) as Record<string, unknown>;
  const name = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (e.action === 'entities.merge' && name(b.entity) && name(a.entity)) return entityDecisionText({ decision: 'merge', name: name(b.entity)!, into: name(a.entity) });
  if (e.action === 'entities.split' && name(a.entity) && name(a.from)) return entityDecisionText({ decision: 'split', name: name(a.entity)!, from: name(a.from) });
  return actionText(e.action);
}

/** Who did it: a token's name, or "an administrator at the command line" for `cli:<account>`. */
export function whoText(who: string): string {
  return who.startsWith('cli:') ? 'administrator (command line)' : who;
}

/** "2024-02-26 14:05 UTC" from an ISO timestamp. */
export const when = formatTimestamp;

/** A correction in words: "6 orphaned (children)", "2021-06-17". */
export function correctionText(c: CountCorrection | DateCorrection | null | undefined): string {
  if (!c) return '';
  if ('value' in c) return c.value;
  const parts: string[] = [];
  if (c.min !== undefined || c.max !== undefined) parts.push(countValue({ min: c.min ?? null, max: c.max ?? null, approximate: c.approximate ?? false, unit: c.unit }));
  if (c.measure) parts.push(c.measure);
  if (c.group && c.group !== 'all') parts.push(`(${c.group})`);
  else if (c.unit === 'families' && c.min === undefined && c.max === undefined) parts.push('families');
  return parts.join(' ');
}

/** A state before or after a change, in words: "extracted: 5 orphaned (children)", "token “browser-test”", "—". */
export function stateText(action: string, s: unknown): string {
  if (s === null || s === undefined) return '—';
  if (typeof s !== 'object') return String(s);
  const o = s as Record<string, unknown>;
  if (action.startsWith('sources.') && typeof o.decision === 'string') {
    return o.decision === 'same' ? 'the same source' : o.decision === 'independent' ? 'independent' : 'not decided';
  }
  if (action.startsWith('entities.') && typeof o.entity === 'string' && Array.isArray(o.names)) {
    return `“${o.entity}”: ${o.names.map(String).join(', ')}`;
  }
  if (action === 'document.meta') {
    const f = (k: string, label: string) => `${label} ${typeof o[k] === 'string' ? `“${String(o[k])}”` : 'none'}`;
    return [f('publisher', 'publisher'), f('author', 'author'), f('published', 'published')].join(', ');
  }
  if (action === 'document.add') return typeof o.path === 'string' ? `${o.path}${o.from === 'address' ? ' (fetched)' : ' (uploaded)'}` : '—';
  if (action.startsWith('token.')) {
    if (typeof o.name === 'string') return `token “${o.name}”`;
    if ('revokedAt' in o) return o.revokedAt ? `revoked ${when(String(o.revokedAt))}` : 'in use';
  }
  const st = o as Partial<ReviewState>;
  if (typeof st.status === 'string') {
    const v = st.value as Record<string, unknown> | null | undefined;
    if (!v) return st.status;
    if ('measure' in v) {
      const group = v.group && v.group !== 'all' ? ` (${String(v.group)})` : '';
      return `${st.status}: ${countValue(v as never)} ${String(v.measure)}${group}`;
    }
    if ('value' in v) return `${st.status}: ${String(v.value)}`;
    return st.status;
  }
  // Unknown shapes: their fields in words, never raw JSON.
  return Object.entries(o).map(([k, v]) => `${k} ${typeof v === 'object' ? '…' : String(v)}`).join(', ');
}

/** The audit entry's target, in words (the link is the caller's). */
export function targetText(t: AuditTarget): string {
  switch (t.kind) {
    case 'count': return `the count “${t.item}” at characters ${t.start}–${t.end}`;
    case 'date': return `the date ${t.item} at characters ${t.start}–${t.end}`;
    case 'token': return `token #${t.id}`;
    case 'document': return 'a report';
    case 'meta': return 'the metadata of a report';
    case 'pair': return 'two reports that share text';
    case 'entity': return `the entity “${t.name}”`;
    case 'other': return t.text;
  }
}


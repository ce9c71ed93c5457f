/** The append-only audit log: one INSERT and two reads; the schema's triggers refuse anything else. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import type { AuditEntry, AuditInput, AuditPage, AuditQuery } from '../review-types.js';

/** An audit row as both backends read it (JSON as text). */
export interface AuditRow {
  id: number; at: string; who: string; action: string; target: string;
  before_json: string | null; after_json: string | null; reason: string | null;
}

const COLUMNS = 'id, at, who, action, target, before_json, after_json, reason';

/** An audit entry from its row (absent JSON reads as null). */
export function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id, at: r.at, who: r.who, action: r.action, target: r.target,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
    reason: r.reason,
  };
}

/** A page size within 1–1000 (default 100); anything else is the caller's mistake. */
export function pageSize(limit: number | undefined, offset: number | undefined): { limit: number; offset: number } {
  const l = limit ?? 100;
  const o = offset ?? 0;
  if (!Number.isInteger(l) || l < 1 || l > 1000) throw new AppError('E_BAD_INPUT', `limit must be a whole number from 1 to 1000; got ${l}`);
  if (!Number.isInteger(o) || o < 0) throw new AppError('E_BAD_INPUT', `offset must be a whole number ≥ 0; got ${o}`);
  return { limit: l, offset: o };
}

/** Statements over audit_log. */
export function prepareAudit(db: Database) {
  const insert = db.prepare<[string, string, string, string, string | null, string | null, string | null]>(
    'INSERT INTO audit_log (at, who, action, target, before_json, after_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const byId = db.prepare<[number | bigint], AuditRow>(`SELECT ${COLUMNS} FROM audit_log WHERE id = ?`);
  // substr, not LIKE: a target may hold % or _, and the prefix is compared exactly.
  const page = db.prepare<[string, string, number, number], AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log WHERE substr(target, 1, length(?)) = ? ORDER BY id DESC LIMIT ? OFFSET ?`);
  const total = db.prepare<[string, string], number>('SELECT count(*) FROM audit_log WHERE substr(target, 1, length(?)) = ?').pluck();

  return {
    /** Appends one entry (inside the caller's transaction, when there is one). */
    append(input: AuditInput, now: string): AuditEntry {
      if (!input.who.trim() || !input.action.trim() || !input.target.trim()) {
        throw new AppError('E_BAD_INPUT', 'An audit entry needs who, action and target');
      }
      const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
      const r = insert.run(now, input.who, input.action, input.target, json(input.before), json(input.after), input.reason ?? null);
      return toEntry(byId.get(r.lastInsertRowid)!);
    },
    /** Newest first. */
    list(q: AuditQuery = {}): AuditPage {
      const { limit, offset } = pageSize(q.limit, q.offset);
      const prefix = q.target ?? '';
      return { total: total.get(prefix, prefix)!, items: page.all(prefix, prefix, limit, offset).map(toEntry) };
    },
  };
}

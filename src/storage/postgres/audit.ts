/** The append-only audit log: one INSERT and two reads; the schema's triggers refuse anything else. */
import { AppError } from '../../domain/errors.js';
import type { AuditEntry, AuditInput, AuditPage, AuditQuery } from '../review-types.js';
import { pageSize, toEntry } from '../sqlite/audit.js';
import type { AuditRow } from '../sqlite/audit.js';
import type { Db, Queryable } from './db.js';

const COLUMNS = 'id, at, who, action, target, before_json::text AS before_json, after_json::text AS after_json, reason';

/** Appends one entry inside the caller's transaction. */
export async function appendAudit(c: Queryable, input: AuditInput, now: string): Promise<AuditEntry> {
  if (!input.who.trim() || !input.action.trim() || !input.target.trim()) {
    throw new AppError('E_BAD_INPUT', 'An audit entry needs who, action and target');
  }
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  const r = await c.query<AuditRow>(`INSERT INTO audit_log (at, who, action, target, before_json, after_json, reason)
    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
  [now, input.who, input.action, input.target, json(input.before), json(input.after), input.reason ?? null]);
  return toEntry(r.rows[0]!);
}

/** The log, newest first, filtered by target prefix. */
export async function listAudit(db: Db, q: AuditQuery = {}): Promise<AuditPage> {
  const { limit, offset } = pageSize(q.limit, q.offset);
  const prefix = q.target ?? '';
  // substr, not LIKE: a target may hold % or _, and the prefix is compared exactly.
  const [total] = await db.read<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE substr(target, 1, length($1)) = $1', [prefix]);
  const rows = await db.read<AuditRow>(`SELECT ${COLUMNS} FROM audit_log WHERE substr(target, 1, length($1)) = $1 ORDER BY id DESC LIMIT $2 OFFSET $3`, [prefix, limit, offset]);
  return { total: total!.n, items: rows.map(toEntry) };
}

/** API tokens: only their sha256 is stored; verification compares hashes in constant time. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import type { CreatedToken, TokenInfo, TokenOwner } from '../review-types.js';
import type { prepareAudit } from './audit.js';

interface TokenRow { id: number; name: string; hash: string; created_at: string; revoked_at: string | null }

const info = (r: TokenRow): TokenInfo => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at });
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Statements over tokens; creating and revoking append to the audit log in the same transaction. */
export function prepareTokens(db: Database, audit: ReturnType<typeof prepareAudit>) {
  const insert = db.prepare<[string, string, string]>('INSERT INTO tokens (name, hash, created_at) VALUES (?, ?, ?)');
  const byId = db.prepare<[number | bigint], TokenRow>('SELECT * FROM tokens WHERE id = ?');
  const all = db.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY id');
  const active = db.prepare<[], TokenRow>('SELECT * FROM tokens WHERE revoked_at IS NULL');
  const activeNamed = db.prepare<[string], number>('SELECT id FROM tokens WHERE name = ? AND revoked_at IS NULL').pluck();
  const revoke = db.prepare<[string, number]>('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');

  const create = db.transaction((name: string, by: string, now: string): CreatedToken => {
    const clean = name.trim();
    if (!clean || clean.length > 100) throw new AppError('E_BAD_INPUT', 'A token needs a name of 1 to 100 characters');
    // The name is who the audit log says acted, so two active tokens may not share one.
    if (activeNamed.get(clean) !== undefined) throw new AppError('E_CONFLICT', `An active token is already named "${clean}"; pick another name or revoke it first`);
    // 32 random bytes: guessing is hopeless, so a fast hash (not a password hash) suffices.
    const token = `cc_${randomBytes(32).toString('base64url')}`;
    const r = insert.run(clean, sha256(token).toString('hex'), now);
    const created = info(byId.get(r.lastInsertRowid)!);
    audit.append({ who: by, action: 'token.create', target: `token:${created.id}`, after: { id: created.id, name: created.name } }, now);
    return { ...created, token };
  });
  const revokeTx = db.transaction((id: number, by: string, now: string): boolean => {
    if (revoke.run(now, id).changes === 0) return false;
    audit.append({ who: by, action: 'token.revoke', target: `token:${id}`, before: { revokedAt: null }, after: { revokedAt: now } }, now);
    return true;
  });

  return {
    /** Creates a token; its secret is returned once and never stored. */
    create: (name: string, by: string, now: string): CreatedToken => create.immediate(name, by, now),
    /** Revokes a token; false when there is no such active token. */
    revoke: (id: number, by: string, now: string): boolean => revokeTx.immediate(id, by, now),
    /** Every token, oldest first, without secrets. */
    list: (): TokenInfo[] => all.all().map(info),
    /**
     * Who a token belongs to, or null. Every active hash is compared, each in constant time and
     * without stopping at a match, so the time taken says nothing about which bytes matched.
     */
    verify(token: string): TokenOwner | null {
      const given = sha256(token);
      let owner: TokenOwner | null = null;
      for (const row of active.all()) {
        if (timingSafeEqual(given, Buffer.from(row.hash, 'hex')) && owner === null) owner = { id: row.id, name: row.name };
      }
      return owner;
    },
  };
}

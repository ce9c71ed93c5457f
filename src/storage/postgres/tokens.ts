/** API tokens: only their sha256 is stored; verification compares hashes in constant time. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import type { CreatedToken, TokenInfo, TokenOwner } from '../review-types.js';
import { appendAudit } from './audit.js';
import type { Db, Queryable } from './db.js';
import { lockName } from './db.js';

interface TokenRow { id: number; name: string; hash: string; created_at: string; revoked_at: string | null }

const info = (r: TokenRow): TokenInfo => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at });
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Creates a token inside the caller's transaction; its secret is returned once and never stored. */
export async function createToken(c: Queryable, name: string, by: string, now: string): Promise<CreatedToken> {
  const clean = name.trim();
  if (!clean || clean.length > 100) throw new AppError('E_BAD_INPUT', 'A token needs a name of 1 to 100 characters');
  // Two processes creating one name at once: the lock lets the second see the first.
  await lockName(c, 'tokens');
  const named = await c.query('SELECT id FROM tokens WHERE name = $1 AND revoked_at IS NULL', [clean]);
  if (named.rows.length) throw new AppError('E_CONFLICT', `An active token is already named "${clean}"; pick another name or revoke it first`);
  // 32 random bytes: guessing is hopeless, so a fast hash (not a password hash) suffices.
  const token = `cc_${randomBytes(32).toString('base64url')}`;
  const r = await c.query<TokenRow>('INSERT INTO tokens (name, hash, created_at) VALUES ($1, $2, $3) RETURNING *', [clean, sha256(token).toString('hex'), now]);
  const created = info(r.rows[0]!);
  await appendAudit(c, { who: by, action: 'token.create', target: `token:${created.id}`, after: { id: created.id, name: created.name } }, now);
  return { ...created, token };
}

/** Revokes a token inside the caller's transaction; false when there is no such active token. */
export async function revokeToken(c: Queryable, id: number, by: string, now: string): Promise<boolean> {
  if (!Number.isSafeInteger(id)) return false;
  const r = await c.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now, id]);
  if (r.rowCount === 0) return false;
  await appendAudit(c, { who: by, action: 'token.revoke', target: `token:${id}`, before: { revokedAt: null }, after: { revokedAt: now } }, now);
  return true;
}

/** Every token, oldest first, without secrets. */
export async function listTokens(db: Db): Promise<TokenInfo[]> {
  return (await db.read<TokenRow>('SELECT * FROM tokens ORDER BY id')).map(info);
}

/**
 * Who a token belongs to, or null. Every active hash is compared, each in constant time and
 * without stopping at a match, so the time taken says nothing about which bytes matched.
 */
export async function verifyToken(db: Db, token: string): Promise<TokenOwner | null> {
  const given = sha256(token);
  let owner: TokenOwner | null = null;
  for (const row of await db.read<TokenRow>('SELECT * FROM tokens WHERE revoked_at IS NULL')) {
    if (timingSafeEqual(given, Buffer.from(row.hash, 'hex')) && owner === null) owner = { id: row.id, name: row.name };
  }
  return owner;
}

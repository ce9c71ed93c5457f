/** Bearer tokens for writes: the header's token is hashed and compared with the stored hashes. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import type { Store, TokenOwner } from '../storage/store.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireToken` on routes that need a token. */
    tokenOwner: TokenOwner | null;
  }
}

/** Longest Authorization header looked at; tokens are ~46 characters. */
const MAX_HEADER = 512;

/**
 * An onRequest hook that refuses the request unless it carries a valid token. It runs before
 * the body is read, so an anonymous client cannot make the server parse a body.
 */
export function requireToken(store: Store) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      throw new AppError('E_UNAUTHORIZED', 'This needs Authorization: Bearer <token> (create one with `crosscheck token create --name NAME`)');
    }
    const m = header.length <= MAX_HEADER ? /^Bearer +(\S+) *$/i.exec(header) : null;
    const owner = m ? await store.verifyToken(m[1]!) : null;
    if (owner === null) throw new AppError('E_UNAUTHORIZED', 'The token is not valid');
    request.tokenOwner = owner;
  };
}

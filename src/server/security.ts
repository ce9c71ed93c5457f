/** Security headers on every response; routes that serve untrusted bytes set a stricter policy first. */
import type { FastifyInstance } from 'fastify';

/** The default policy: the web app's own files only; no plugins, no framing, no base rewriting. */
export const DEFAULT_CSP = "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'";

/** For bytes that must never run as a page (originals): nothing loads, and the page is sandboxed. */
export const SANDBOX_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";

/** Adds the headers unless the route set its own Content-Security-Policy. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', DEFAULT_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    // API answers depend on the store and on tokens: never cached by anything in between.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

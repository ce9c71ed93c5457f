/**
 * Refuses "1e309", "Infinity" and "NaN" for numeric query parameters. Ajv coerces "1e309" to
 * Infinity and then, under `strictNumbers`, skips `maximum` for it rather than failing it, so
 * the value would reach a route as Infinity; this hook runs before validation and says no.
 * An `offset` past the largest safe integer is past the end of any listing: it is read as that
 * integer (schemas allow it), so the answer is the empty page it would be, not a 400 or a 500.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors.js';

type Props = Record<string, { type?: unknown }>;

/** True when `v` names a number JavaScript cannot hold as a finite one. */
function notFinite(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '' && !Number.isFinite(Number(v)) && /^\s*[+-]?(?:infinity|nan|[\d.]+(?:e[+-]?\d+)?)\s*$/i.test(v);
}

/** Installs the check on every route whose querystring schema has numeric properties. */
export function installFiniteQuery(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema?.querystring as { properties?: Props } | undefined;
    const props = schema?.properties;
    if (!props || request.query === null || typeof request.query !== 'object') return;
    const query = request.query as Record<string, unknown>;
    for (const [name, value] of Object.entries(query)) {
      const type = props[name]?.type;
      if (type !== 'integer' && type !== 'number') continue;
      if ((Array.isArray(value) ? value : [value]).some(notFinite)) {
        throw new AppError('E_BAD_INPUT', `querystring/${name} must be a finite ${type === 'integer' ? 'whole number' : 'number'}`);
      }
      if (name === 'offset' && typeof value === 'string' && /^\s*\+?[\d.]+(?:e\+?\d+)?\s*$/i.test(value) && Number.isInteger(Number(value)) && Number(value) > Number.MAX_SAFE_INTEGER) {
        query[name] = String(Number.MAX_SAFE_INTEGER);
      }
    }
  });
}

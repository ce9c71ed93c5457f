/**
 * Refuses "1e309", "Infinity" and "NaN" for numeric query parameters. Ajv coerces "1e309" to
 * Infinity and then, under `strictNumbers`, skips `maximum` for it rather than failing it, so
 * the value would reach a route as Infinity; this hook runs before validation and says no.
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
    for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
      const type = props[name]?.type;
      if (type !== 'integer' && type !== 'number') continue;
      if ((Array.isArray(value) ? value : [value]).some(notFinite)) {
        throw new AppError('E_BAD_INPUT', `querystring/${name} must be a finite ${type === 'integer' ? 'whole number' : 'number'}`);
      }
    }
  });
}

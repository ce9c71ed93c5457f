/** An OpenAPI 3.1 document generated from the registered routes' JSON schemas. */
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Schema } from './schemas/build.js';

declare module 'fastify' {
  interface FastifySchema {
    /** One line for the OpenAPI operation. */
    summary?: string;
    description?: string;
    /** OpenAPI tags (documents, record, review, export, meta). */
    tags?: readonly string[];
    /** OpenAPI security requirement: `[{ bearer: [] }]` on routes that need a token. */
    security?: ReadonlyArray<Record<string, readonly string[]>>;
    /** An OpenAPI request body that is not JSON (an upload's bytes), given as it is. */
    requestBody?: Record<string, unknown>;
  }
}

interface Collected {
  method: string;
  url: string;
  schema: Schema;
}

const PART_KEYS = new Set(['params', 'querystring', 'body', 'response', 'headers']);

/** `/api/documents/:id` → `/api/documents/{id}`. */
const toPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Parameters of one location from an object schema. */
function parameters(schema: Schema | undefined, where: 'path' | 'query'): Schema[] {
  const props = (schema?.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({ name, in: where, required: where === 'path' || required.has(name), schema: s, ...(s.description ? { description: s.description } : {}) }));
}

/** One operation from a route's schema. */
function operation(r: Collected): Schema {
  const s = r.schema;
  const responses: Record<string, Schema> = {};
  for (const [status, res] of Object.entries((s.response ?? {}) as Record<string, Schema>)) {
    const { description, content, ...rest } = res;
    responses[status] = content
      ? { description: description ?? 'OK', content }
      : { description: description ?? 'OK', content: { 'application/json': { schema: rest } } };
  }
  const extra = Object.fromEntries(Object.entries(s).filter(([k]) => !PART_KEYS.has(k)));
  return {
    ...extra,
    operationId: `${r.method.toLowerCase()}${toPath(r.url).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    parameters: [...parameters(s.params as Schema | undefined, 'path'), ...parameters(s.querystring as Schema | undefined, 'query')],
    ...(s.body ? { requestBody: { required: true, content: { 'application/json': { schema: s.body } } } } : {}),
    responses,
  };
}

/** Starts collecting routes (call before registering them) and returns the document builder. */
export function collectOpenApi(app: FastifyInstance, info: { title: string; version: string }): () => Schema {
  const routes: Collected[] = [];
  app.addHook('onRoute', (opts: RouteOptions) => {
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    if (!opts.url.startsWith('/api/') || !opts.schema) return;
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: opts.url, schema: opts.schema as Schema });
  });
  let doc: Schema | null = null;
  return () => {
    if (doc) return doc;
    const paths: Record<string, Record<string, Schema>> = {};
    for (const r of routes) (paths[toPath(r.url)] ??= {})[r.method.toLowerCase()] = operation(r);
    doc = {
      openapi: '3.1.0',
      info: { ...info, description: 'The evidence record of crosscheck: documents, figures, timeline, sources, reviews and audit. Reads are open; writes need a bearer token.' },
      paths,
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `crosscheck token create --name NAME`' } } },
    };
    return doc;
  };
}

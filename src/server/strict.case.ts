/** For tests: checks every JSON response against its route's response schema, extra fields included. */
import AjvModule from 'ajv';
import type { FastifyInstance } from 'fastify';

// ajv is CommonJS with a `default` export; under NodeNext the class sits on `.default`.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as new (opts: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
  errorsText(errors: unknown): string;
};

/**
 * Adds a preSerialization hook that validates each object payload against the response schema
 * of its status. fast-json-stringify would silently drop a field the schema lacks; this makes
 * such drift a test failure. Returns the list the problems are pushed to.
 */
export function strictResponses(app: FastifyInstance): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const compiled = new Map<object, ReturnType<typeof ajv.compile>>();
  const problems: string[] = [];
  app.addHook('preSerialization', async (request, reply, payload) => {
    // The not-found handler has no route schema: its body is checked by the tests that hit it.
    if (request.routeOptions.schema === undefined) return payload;
    const responses = (request.routeOptions.schema.response ?? {}) as Record<string, Record<string, unknown>>;
    const schema = responses[String(reply.statusCode)];
    if (schema === undefined) {
      if (request.url.startsWith('/api/')) problems.push(`${request.method} ${request.url}: no response schema for ${reply.statusCode}`);
      return payload;
    }
    if (schema.content) return payload;
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
    // Validate what would be sent: JSON turns undefined fields into absent ones.
    if (!validate(JSON.parse(JSON.stringify(payload)))) problems.push(`${request.method} ${request.url} ${reply.statusCode}: ${ajv.errorsText(validate.errors)}`);
    return payload;
  });
  return problems;
}

/** The web app at `/` when it is built; otherwise a plain page that says so and lists the API. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { escapeHtml } from '../export/html.js';

/** The page shown when there is no web app to serve. */
function landing(paths: Record<string, Record<string, { summary?: string }>>): string {
  const items = Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) =>
    `<li><code>${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</code> ${escapeHtml(op.summary ?? '')}</li>`)).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>crosscheck</title></head><body>
<h1>crosscheck</h1><p>The web app is not built (build it with <code>npm run build</code> in <code>web/</code>); the JSON API is running.</p>
<p>OpenAPI: <a href="/api/openapi.json">/api/openapi.json</a></p><ul>
${items}
</ul></body></html>`;
}

/** Serves the web app (client routes fall back to index.html), or the landing page. */
export function webRoutes(app: FastifyInstance, ctx: ServerContext, webRoot: string | undefined): void {
  if (webRoot !== undefined && existsSync(join(webRoot, 'index.html'))) {
    void app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], dotfiles: 'deny' });
    app.setNotFoundHandler((req, reply) => {
      // A client route (/figures/abc) is the app's to handle; an unknown API path is a 404.
      if (req.method === 'GET' && !req.url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(req.url.split('?')[0]!)) {
        return reply.type('text/html; charset=utf-8').sendFile('index.html');
      }
      return reply.code(404).send({ code: 'E_NOT_FOUND', message: 'Nothing is served at this path' });
    });
    return;
  }
  app.get('/', async (_req, reply) => {
    const doc = ctx.openapi() as { paths: Record<string, Record<string, { summary?: string }>> };
    return reply.type('text/html; charset=utf-8').send(landing(doc.paths));
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ code: 'E_NOT_FOUND', message: 'Nothing is served at this path' }));
}

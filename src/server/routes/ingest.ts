/**
 * Adding reports from the web app: one uploaded file per request (so a client shows progress per
 * file), or a page by its address. The same reading, limits and refusals as `crosscheck ingest`;
 * the record is brought up to date after each report that changed what is stored. Reading and
 * extracting run on worker threads (the pool's, started by the first report, stopped with the
 * server), so that reads are answered meanwhile; the store is written from this thread.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import type { ErrorCode } from '../../domain/errors.js';
import { fetchUrl } from '../../pipeline/1-ingest/fetch-url.js';
import { tooLarge } from '../../pipeline/1-ingest/read.js';
import { ingestBytes, ingestFetched } from '../../pipeline/run/ingest-bytes.js';
import type { ReadTask } from '../../pipeline/run/ingest-bytes.js';
import { PoolQueue } from '../../pipeline/run/pool-queue.js';
import type { PathResult } from '../../pipeline/run/ingest.js';
import type { AddedReport, AddUrlRequest, UploadQuery } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { obj, oneOf, query, str } from '../schemas/build.js';
import { errors } from '../schemas/common.js';
import { documentSummary } from '../schemas/documents.js';
import { publicPath } from '../views/paths.js';

/** A path an upload may be stored under: relative, no steps up, no control characters. */
function checkUploadName(name: string): string {
  const n = name.normalize('NFC');
  if (/[\u0000-\u001f\u007f\\]/.test(n)) throw new AppError('E_BAD_INPUT', 'A file name may not hold control characters or backslashes');
  const steps = n.split('/');
  if (n.startsWith('/') || steps.some((s) => s === '' || s === '.' || s === '..')) {
    throw new AppError('E_BAD_INPUT', `${n}: give the file's name, or its path inside the folder uploaded (no leading "/", "." or ".." steps)`);
  }
  return n;
}

/** The result as the API gives it: a refusal is an error in the CLI's words, with the CLI's code. */
async function answer(ctx: ServerContext, req: FastifyRequest, reply: FastifyReply, r: PathResult & { code?: ErrorCode }, source: string): Promise<AddedReport> {
  if (r.status === 'failed' || r.id === undefined) throw new AppError(r.code ?? 'E_BAD_INPUT', r.reason ?? `${r.path}: could not be ingested`);
  if (r.status !== 'skipped') {
    await ctx.store.appendAudit({ who: req.tokenOwner!.name, action: 'document.add', target: `doc:${r.id}`, after: { path: publicPath(r.path), from: source, version: r.status === 'new-version' ? 'new' : 'first' } });
    await ctx.records.rebuild();
  }
  // Summaries carry no sizes of the extraction: those come from it.
  const [[summary], extraction] = await Promise.all([ctx.store.getSummaries([r.id]), ctx.store.getExtraction(r.id)]);
  reply.code(r.status === 'skipped' ? 200 : 201);
  return {
    status: r.status, reason: r.reason ?? null,
    document: { ...summary!, path: publicPath(summary!.path), counts: extraction?.counts.length ?? 0, dates: extraction?.dates.length ?? 0 },
  };
}

const added = obj({ status: oneOf(['added', 'new-version', 'skipped']), reason: { anyOf: [{ type: 'null' }, str()] }, document: documentSummary });

/** Registers the ingest routes. */
export function ingestRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { maxSize, maxText, maxSeconds, allowPrivate } = ctx.ingest;
  const workers = new PoolQueue(ctx.ingest.workers ?? 1);
  const read: ReadTask = (task) => workers.run(task);
  app.addHook('onClose', () => workers.close());
  // Uploads are the file's bytes as they are; JSON bodies keep their small limit.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxSize + 1 }, (_req, body, done) => done(null, body));

  app.post<{ Querystring: UploadQuery; Body: Buffer }>('/api/documents/upload', {
    onRequest: [ctx.requireToken, async (req) => {
      // Refused before the body is read, in the words the CLI uses for a file over --max-size.
      const declared = Number(req.headers['content-length']);
      const name = typeof (req.query as Partial<UploadQuery>).name === 'string' ? (req.query as UploadQuery).name : 'upload';
      if (Number.isFinite(declared) && declared > maxSize) throw tooLarge(name, declared, maxSize);
    }],
    bodyLimit: maxSize + 1,
    schema: {
      summary: 'Add one report file (needs a token): the body is its bytes, as application/octet-stream', tags: ['documents'],
      description: 'Read, extracted and stored as `crosscheck ingest` would, with the same refusals (empty, binary, not UTF-8, too large, '
        + 'an unsupported format); the record is brought up to date. The same bytes again answer 200 with status `skipped`.',
      security: [{ bearer: [] }],
      requestBody: { required: true, content: { 'application/octet-stream': { schema: str({ format: 'binary' }) } } },
      querystring: query({ name: str({ minLength: 1, maxLength: 1000, description: "The file's name, or its path inside an uploaded folder" }) }),
      response: { 200: added, 201: added, ...errors(400, 401, 413, 415) },
    },
  }, async (req, reply): Promise<AddedReport> => {
    if (!req.query.name) throw new AppError('E_BAD_INPUT', 'Say the file\'s name: ?name=report.txt');
    const path = checkUploadName(req.query.name);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return answer(ctx, req, reply, await ingestBytes(ctx.store, { bytes, path, maxSize, maxText, maxSeconds }, read), 'upload');
  });

  app.post<{ Body: AddUrlRequest }>('/api/documents/fetch', {
    onRequest: ctx.requireToken,
    schema: {
      summary: 'Add a report by its address (needs a token): the page is fetched and kept byte for byte, with the address and the time', tags: ['documents'],
      description: `Only http and https; an address on this machine or a private network is refused${allowPrivate ? ' (this server allows them)' : ''}; 20 s and the ingest's size limit.`,
      security: [{ bearer: [] }],
      body: obj({ url: str({ minLength: 1, maxLength: 4000 }) }),
      response: { 200: added, 201: added, ...errors(400, 401, 404, 413, 415) },
    },
  }, async (req, reply): Promise<AddedReport> => {
    const fetched = await fetchUrl(req.body.url.trim(), { allowPrivate, maxSize });
    return answer(ctx, req, reply, await ingestFetched(ctx.store, fetched, { maxSize, maxText, maxSeconds }, read), 'address');
  });
}

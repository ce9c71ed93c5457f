/** Documents: the listing, one document with everything extracted from it, and its original bytes. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import type { DocumentFormat } from '../../domain/types.js';
import type { DocumentDetail, DocumentList, DocumentListQuery } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { bool, query, str } from '../schemas/build.js';
import { errors, idParams, paging } from '../schemas/common.js';
import { documentDetail as detailSchema, documentList } from '../schemas/documents.js';
import { SANDBOX_CSP } from '../security.js';
import { documentDetail } from '../views/documents.js';
import { isFileSystemRef, publicPath } from '../views/paths.js';
import { applyMetaEdit, metaEdits } from '../curation.js';

/** Media types of the originals; never sniffed, never inline (see the route). */
const MEDIA: Readonly<Record<DocumentFormat, string>> = {
  txt: 'text/plain', md: 'text/markdown', html: 'text/html', pdf: 'application/pdf',
};

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'original';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Registers the document routes. */
export function documentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const resolve = async (ref: string): Promise<string> => {
    // An absolute path would tell whoever asks where the files lie (a 404 or a 200 answers "is
    // /home/x/reports/a.txt there?"): readers name documents by id, name or the path they are shown.
    const id = isFileSystemRef(ref) ? null : await ctx.store.resolveId(ref);
    if (id === null) throw new AppError('E_NOT_FOUND', 'No stored document has that id');
    return id;
  };

  app.get<{ Querystring: DocumentListQuery }>('/api/documents', {
    schema: {
      summary: 'List documents with their metadata', tags: ['documents'],
      querystring: query({ publisher: str({ maxLength: 500 }), q: str({ maxLength: 500 }), ...paging, all: bool({ description: 'Include superseded versions' }) }),
      response: { 200: documentList, ...errors(400) },
    },
  }, async (req): Promise<DocumentList> => {
    const { limit = 50, offset = 0, publisher, q, all = false } = req.query;
    // q matches names and titles, not stored paths: those would let a reader probe folder names.
    const page = await ctx.store.listDocuments({ limit, offset, publisher, q, qMatchesPath: false, currentOnly: !all });
    const edits = await metaEdits(ctx.store, page.items.map((d) => d.id));
    return { total: page.total, limit, offset, items: page.items.map((d) => ({ ...d, meta: applyMetaEdit(d.meta, edits.get(d.id)), path: publicPath(d.path) })) };
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id', {
    schema: {
      summary: 'One document: metadata, sha256, text, every count and date with spans and reviews', tags: ['documents'],
      params: idParams, response: { 200: detailSchema, ...errors(404, 409) },
    },
  }, async (req): Promise<DocumentDetail> => {
    const doc = await ctx.store.getDocument(await resolve(req.params.id));
    if (doc === null) throw new AppError('E_NOT_FOUND', 'No stored document has that id');
    await ctx.records.ensure();
    return documentDetail(ctx.store, doc, ctx.records);
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/original', {
    schema: {
      summary: 'The original bytes, as a download', tags: ['documents'], params: idParams,
      response: {
        200: { description: 'The bytes as ingested', content: Object.fromEntries(Object.values(MEDIA).map((m) => [m, { schema: str({ format: 'binary' }) }])) },
        ...errors(404, 409),
      },
    },
  }, async (req, reply) => {
    const id = await resolve(req.params.id);
    const [doc, bytes] = await Promise.all([ctx.store.getDocument(id), ctx.store.getOriginal(id)]);
    if (doc === null || bytes === null) throw new AppError('E_NOT_FOUND', 'No stored document has that id');
    // Untrusted bytes: a download, in a sandbox with nothing allowed, should a browser open it anyway.
    return reply
      .type(MEDIA[doc.format] ?? 'application/octet-stream')
      .header('content-disposition', attachment(doc.name))
      .header('content-security-policy', SANDBOX_CSP)
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}

/** Exports: figures as CSV and JSON, extractions as Web Annotations, the whole record as printable HTML. */
import type { FastifyInstance } from 'fastify';
import type { DocumentSummary } from '../../storage/store.js';
import type { FigureRow } from '../../pipeline/run/record.js';
import { SETS } from '../../pipeline/run/record.js';
import type { ServerContext } from '../context.js';
import { ANNOTATION_TYPE, annotationsJsonLd } from '../export/annotations.js';
import { CSV_HEADER, figureCsvLines } from '../export/csv.js';
import { Readable } from 'node:stream';
import { figurePages, rowPages } from '../../pipeline/run/record-rows.js';
import { REPORT_CSP, reportHtml } from '../export/report-html.js';
import { content, errors } from '../schemas/common.js';
import { figuresExport } from '../schemas/figures.js';
import { loadTexts } from '../views/texts.js';
import { detailOf } from './figures.js';

/** Every current document's summary. */
async function currentDocuments(ctx: ServerContext): Promise<DocumentSummary[]> {
  const out: DocumentSummary[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await ctx.store.listDocuments({ limit: 1000, offset, currentOnly: true });
    out.push(...page.items);
    if (offset + 1000 >= page.total) return out;
  }
}

/**
 * The figures CSV, a page of figures at a time with their reports' metadata (as curated), so
 * that memory stays flat whatever the archive's size.
 */
async function* figuresCsvStream(ctx: ServerContext): AsyncGenerator<string> {
  yield CSV_HEADER;
  for await (const page of figurePages(ctx.store)) {
    const docs = page.flatMap((f) => f.values.flatMap((v) => v.counts.map((c) => c.doc)));
    const reports = new Map((await ctx.records.curated(docs)).map(({ id, meta: m }) => [id, { title: m.title, publisher: m.publisher, published: m.published, url: m.url }]));
    yield page.map((f) => figureCsvLines(f, (id) => reports.get(id))).join('');
  }
}

/**
 * The figures JSON (FiguresExport), written a page of figures at a time: each page's details
 * with their evidence, then the labels of every report they cite.
 */
async function* figuresJsonStream(ctx: ServerContext, builtAt: string, size = 100): AsyncGenerator<string> {
  yield `{"builtAt":${JSON.stringify(builtAt)},"figures":[`;
  const docs = new Set<string>();
  let first = true;
  for await (const page of rowPages<FigureRow>(ctx.store, SETS.figures, size)) {
    const rows = page.map((r) => r.data);
    for (const f of rows) for (const v of f.values) for (const d of v.reports) docs.add(d);
    const details = await detailOf(ctx, builtAt, rows);
    yield `${first ? '' : ','}${details.map((d) => JSON.stringify(d)).join(',')}`;
    first = false;
  }
  yield `],"documents":${JSON.stringify(await ctx.records.labels(docs))}}`;
}

/** Registers the export routes. */
export function exportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/export/figures.csv', {
    schema: { summary: 'Every mention of every value of every figure as CSV, with its report', tags: ['export'], response: { 200: content('text/csv', 'RFC 4180 CSV, one row per mention'), ...errors() } },
  }, async (_req, reply) => {
    await ctx.records.ensure();
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="figures.csv"').send(Readable.from(figuresCsvStream(ctx)));
  });

  app.get('/api/export/figures.json', {
    schema: { summary: 'Every figure with its evidence and checks', tags: ['export'], response: { 200: figuresExport, ...errors() } },
  }, async (_req, reply) => {
    const info = await ctx.records.ensure();
    reply.header('content-disposition', 'attachment; filename="figures.json"');
    return reply.type('application/json; charset=utf-8').send(Readable.from(figuresJsonStream(ctx, info.builtAt)));
  });

  app.get('/api/export/annotations.jsonld', {
    schema: {
      summary: 'Every extraction as a W3C Web Annotation (TextQuoteSelector + TextPositionSelector on urn:sha256:…)', tags: ['export'],
      response: { 200: content('application/ld+json', 'An AnnotationCollection', { type: 'object' }), ...errors() },
    },
  }, async (_req, reply) => {
    const info = await ctx.records.ensure();
    const body = await annotationsJsonLd(ctx.store, info.builtAt);
    return reply.type(ANNOTATION_TYPE).header('content-disposition', 'attachment; filename="annotations.jsonld"').send(JSON.stringify(body));
  });

  app.get('/api/export/report.html', {
    schema: { summary: 'A printable HTML report of the whole record (document text escaped; no scripts)', tags: ['export'], response: { 200: content('text/html', 'A self-contained HTML page'), ...errors() } },
  }, async (_req, reply) => {
    const view = await ctx.records.whole();
    const docs = view.record.figures.flatMap((f) => f.values.flatMap((v) => v.reports));
    const [texts, documents, reviews] = await Promise.all([loadTexts(ctx.store, docs), currentDocuments(ctx), ctx.store.currentReviews()]);
    const html = reportHtml({ view, texts, documents, reviews, generatedAt: new Date().toISOString() });
    return reply.type('text/html; charset=utf-8').header('content-security-policy', REPORT_CSP).send(html);
  });
}

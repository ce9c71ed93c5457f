/** Exports: figures as CSV and JSON, extractions as Web Annotations, the whole record as printable HTML. */
import type { FastifyInstance } from 'fastify';
import type { DocumentSummary } from '../../storage/store.js';
import type { FiguresExport } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { figureRowOf } from '../views/figures.js';
import { ANNOTATION_TYPE, annotationsJsonLd } from '../export/annotations.js';
import { figuresCsv } from '../export/csv.js';
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

/** Registers the export routes. */
export function exportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/export/figures.csv', {
    schema: { summary: 'Every mention of every value of every figure as CSV, with its report', tags: ['export'], response: { 200: content('text/csv', 'RFC 4180 CSV, one row per mention'), ...errors() } },
  }, async (_req, reply) => {
    const { record } = await ctx.records.whole();
    const reports = new Map((await currentDocuments(ctx)).map((d) => [d.id, { title: d.meta.title, publisher: d.meta.publisher, published: d.meta.published, url: d.meta.url }]));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="figures.csv"').send(figuresCsv(record.figures, (id) => reports.get(id)));
  });

  app.get('/api/export/figures.json', {
    schema: { summary: 'Every figure with its evidence and checks', tags: ['export'], response: { 200: figuresExport, ...errors() } },
  }, async (_req, reply): Promise<FiguresExport> => {
    const view = await ctx.records.whole();
    const figures = await detailOf(ctx, view.record.builtAt, view.record.figures.map(figureRowOf));
    reply.header('content-disposition', 'attachment; filename="figures.json"');
    const docs = new Set(view.record.figures.flatMap((f) => f.values.flatMap((v) => v.reports)));
    return { builtAt: view.record.builtAt, figures, documents: await ctx.records.labels(docs) };
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

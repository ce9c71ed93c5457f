/** Exports: figures as CSV and JSON, extractions as Web Annotations, the whole record as printable HTML. */
import type { FastifyInstance } from 'fastify';
import type { TimelineEntry } from '../../pipeline/3-reconcile/types.js';
import type { CheckRow } from '../../pipeline/run/record.js';
import { SETS } from '../../pipeline/run/record.js';
import type { ServerContext } from '../context.js';
import { ANNOTATION_TYPE, annotationsJsonLd } from '../export/annotations.js';
import { CSV_HEADER, partCsvLines } from '../export/csv.js';
import { Readable } from 'node:stream';
import { figureParts, figurePages } from '../../pipeline/run/record-rows.js';
import { REPORT_CSP, reportHtml, type ReportSource } from '../export/report-html.js';
import { content, errors } from '../schemas/common.js';
import { figuresExport } from '../schemas/figures.js';
import { loadTexts } from '../views/texts.js';
import { figureDetail, mention, mentionContext } from '../views/figures.js';
import { ReviewIndex } from '../views/reviews.js';
import { SHOWN_MEASURES } from '../views/figures.js';

/**
 * The figures CSV, a few thousand mentions at a time with their reports' metadata (as curated),
 * so that memory stays flat whatever the size of the archive or of its largest figure.
 */
async function* figuresCsvStream(ctx: ServerContext): AsyncGenerator<string> {
  yield CSV_HEADER;
  for await (const parts of figureParts(ctx.store)) {
    const docs = parts.flatMap((p) => p.values.flatMap((v) => v.counts.map((c) => c.doc)));
    const reports = new Map((await ctx.records.curated(docs)).map(({ id, meta: m }) => [id, { title: m.title, publisher: m.publisher, published: m.published, url: m.url }]));
    yield parts.map((p) => partCsvLines(p, (id) => reports.get(id))).join('');
  }
}

/**
 * The figures JSON (FiguresExport), written a few thousand mentions at a time (figureParts): a
 * figure's details opened, its values' evidence written as it is read, the figure closed with
 * its checks; then the labels of every report they cite, 500 at a time. What it holds besides
 * one part is the ids of the reports cited so far.
 */
export async function* figuresJsonStream(ctx: ServerContext, builtAt: string, budget?: number): AsyncGenerator<string> {
  yield `{"builtAt":${JSON.stringify(builtAt)},"figures":[`;
  const docs = new Set<string>();
  const reviews = new ReviewIndex(await ctx.store.currentReviews());
  const texts = (ids: Iterable<string>) => loadTexts(ctx.store, ids);
  // The figure (its id and what closes it) and the value whose evidence is open, and whether a mention was written in it.
  let open = null as { id: string; close: string; value: number; mentions: number; values: string[] } | null;
  let figures = 0;
  for await (const parts of figureParts(ctx.store, budget)) {
    const m = await mentionContext(ctx.records, parts.flatMap((p) => p.values.flatMap((v) => v.counts)), { texts, reviews });
    let out = '';
    for (const p of parts) {
      if (open?.id !== p.figure.id) {
        if (open !== null) out += `${open.value >= 0 ? ']}' : ''}${open.close}`;
        for (const v of p.figure.values) for (const d of v.reports) docs.add(d);
        // The figure's details without evidence, cut where its values' and each value's evidence go.
        const detail = figureDetail(p.figure, builtAt, [], await ctx.records.checksOf(p.figure.id), m);
        const whole = JSON.stringify({ ...detail, values: [] });
        const at = whole.indexOf('"values":[]') + '"values":['.length;
        out += `${figures++ ? ',' : ''}${whole.slice(0, at)}`;
        open = { id: p.figure.id, close: whole.slice(at), value: -1, mentions: 0, values: detail.values.map((v) => JSON.stringify(v).slice(0, -2)) };
      }
      for (const { index, counts } of p.values) {
        if (open.value !== index) {
          out += `${open.value >= 0 ? ']},' : ''}${open.values[index]}`;
          open.value = index;
          open.mentions = 0;
        }
        for (const c of counts) out += `${open.mentions++ ? ',' : ''}${JSON.stringify(mention(c, m))}`;
      }
    }
    yield out;
  }
  if (open !== null) yield `${open.value >= 0 ? ']}' : ''}${open.close}`;
  yield '],"documents":{';
  const ids = [...docs];
  for (let i = 0; i < ids.length; i += 500) {
    const labels = await ctx.records.labels(ids.slice(i, i + 500));
    yield `${i ? ',' : ''}${Object.entries(labels).map(([id, l]) => `${JSON.stringify(id)}:${JSON.stringify(l)}`).join(',')}`;
  }
  yield '}}';
}

/** Reports listed per page of the printable report. */
const REPORT_PAGE = 200;

/** The printable report's reads: pages of the record's rows, and per page the labels, groups and texts they cite. */
function reportSource(ctx: ServerContext, documents: number, reviews: ReportSource['reviews'], builtAt: string): ReportSource {
  return {
    builtAt, documents, reviews,
    events: () => ctx.records.events(),
    eventFigures: (event) => pagesOf(async (limit, offset) => (await ctx.records.figurePage({ events: [event], measures: SHOWN_MEASURES, limit, offset })).items),
    figures: () => figurePages(ctx.store, 50),
    checks: () => dataPages<CheckRow>(ctx, SETS.checks),
    timeline: () => dataPages<TimelineEntry>(ctx, SETS.timeline),
    groups: () => dataPages<string[]>(ctx, SETS.groups),
    reports: () => pagesOf(async (limit, offset) => (await ctx.store.listDocuments({ limit, offset, currentOnly: true })).items),
    labels: (ids) => ctx.records.labels(ids),
    groupOf: (ids) => ctx.records.groupsOf(ids),
    texts: (ids) => loadTexts(ctx.store, ids),
  };
}

/** The data of a row set's rows, a page at a time. */
function dataPages<T>(ctx: ServerContext, set: string): AsyncGenerator<T[]> {
  return pagesOf(async (limit, offset) => (await ctx.store.getRows<T>(set, { limit, offset })).map((r) => r.data));
}

/** A listing read `REPORT_PAGE` at a time until a short page (no empty page is given). */
async function* pagesOf<T>(read: (limit: number, offset: number) => Promise<T[]>): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += REPORT_PAGE) {
    const page = await read(REPORT_PAGE, offset);
    if (page.length) yield page;
    if (page.length < REPORT_PAGE) return;
  }
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
    return reply.type(`${ANNOTATION_TYPE}; charset=utf-8`).header('content-disposition', 'attachment; filename="annotations.jsonld"').send(Readable.from(annotationsJsonLd(ctx.store, info.builtAt)));
  });

  app.get('/api/export/report.html', {
    schema: { summary: 'A printable HTML report of the whole record (document text escaped; no scripts)', tags: ['export'], response: { 200: content('text/html', 'A self-contained HTML page'), ...errors() } },
  }, async (_req, reply) => {
    const info = await ctx.records.ensure();
    const html = reportHtml(reportSource(ctx, info.documents, await ctx.store.currentReviews(), info.builtAt), new Date().toISOString());
    return reply.type('text/html; charset=utf-8').header('content-security-policy', REPORT_CSP).send(Readable.from(html));
  });
}

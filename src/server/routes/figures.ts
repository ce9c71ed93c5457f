/** Figures: the listing, and one figure with every mention in context and the checks touching it. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { HEAD_REPORTS, HEAD_VALUES, type FigureRow } from '../../pipeline/run/record.js';
import type { FigureDetail, FigureDetailQuery, FigureList, FigureListQuery } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { bool, int, obj, oneOf, query, str } from '../schemas/build.js';
import { ATTRIBUTION_CLASSES, MEASURES, dayPrefix, errors } from '../schemas/common.js';
import { figureDetail as detailSchema, figureList } from '../schemas/figures.js';
import { eventKeys } from '../views/event-keys.js';
import { filteredScan } from '../views/filtered-scan.js';
import { byReport, filters, passing, type ValueFilter } from '../views/figure-filter.js';
import { SHOWN_MEASURES, figureSummary, loadDetails } from '../views/figures.js';
import { ReviewIndex } from '../views/reviews.js';
import { loadTexts } from '../views/texts.js';

/** Registers the figure routes. */
export function figureRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: FigureListQuery }>('/api/figures', {
    schema: {
      summary: 'Reconciled figures: values, attributions, independent sources, verdicts; a page at a time', tags: ['record'],
      querystring: query({
        event: str({ maxLength: 200 }), measure: oneOf(MEASURES), all: bool({ description: 'Include population and other counts' }),
        values: int({ minimum: 1, maximum: 1000, description: 'At most this many values per figure, the best supported (default all)' }),
        reports: int({ minimum: 0, maximum: 1000, description: 'At most this many report ids per value, those passing the filters first (default all; `reportCount` says how many)' }),
        kind: oneOf(ATTRIBUTION_CLASSES, { description: 'Only values stated by this class of source' }),
        publisher: str({ maxLength: 500, description: 'Only values stated by reports of this publisher' }),
        from: dayPrefix, to: dayPrefix,
        limit: int({ minimum: 1, maximum: 1000, description: 'Figures per page (default 200; `total` says how many pass)' }), offset: int({ minimum: 0 }),
      }),
      response: { 200: figureList, ...errors(400) },
    },
  }, async (req): Promise<FigureList> => {
    const info = await ctx.records.ensure();
    const q = req.query;
    const limit = q.limit ?? 200;
    const offset = q.offset ?? 0;
    const events = q.event ? await eventKeys(ctx.records, q.event) : undefined;
    const measures = q.measure !== undefined ? [q.measure] : q.all ? undefined : SHOWN_MEASURES;
    const filter: ValueFilter = { kind: q.kind, publisher: q.publisher, from: q.from, to: q.to };
    // A listing that asks no more than a figure's head keeps (and filters nothing) reads the heads alone.
    const heads = q.values !== undefined && q.values <= HEAD_VALUES && q.reports !== undefined && q.reports <= HEAD_REPORTS;
    const page = events?.length === 0 ? { total: 0, items: [] }
      : filters(filter) ? await filteredPage(ctx, { events, measures }, filter, limit, offset)
      : await ctx.records.figurePage({ events, measures, limit, offset, heads });
    const items = page.items.map((f) => figureSummary(f, q.values, q.reports));
    // The reports of the values given, named (publisher, date), so a client can filter by them.
    return { builtAt: info.builtAt, total: page.total, items, documents: await ctx.records.labels(items.flatMap((f) => f.values.flatMap((v) => v.reports))) };
  });

  app.get<{ Params: { id: string }; Querystring: FigureDetailQuery }>('/api/figures/:id', {
    schema: {
      summary: 'One figure with its mentions in context and the checks touching it', tags: ['record'],
      params: obj({ id: str({ minLength: 1, maxLength: 64, description: 'A figure id from /api/figures' }) }),
      querystring: query({ evidence: int({ minimum: 1, maximum: 5000, description: 'Mentions shown per value (default 200; `mentions` gives the total)' }) }),
      response: { 200: detailSchema, ...errors(400, 404) },
    },
  }, async (req): Promise<FigureDetail> => {
    const info = await ctx.records.ensure();
    const figure = await ctx.records.figure(req.params.id);
    if (figure === null) throw new AppError('E_NOT_FOUND', 'No figure has that id (ids change only when a figure\'s event, measure, group or unit does)');
    return (await detailOf(ctx, info.builtAt, [figure], req.query.evidence ?? 200))[0]!;
  });
}

/**
 * A page of the figures that pass a filter on who states their values and which reports do, each
 * kept with its passing values.
 */
function filteredPage(ctx: ServerContext, sel: { events?: string[]; measures?: readonly string[] }, filter: ValueFilter, limit: number, offset: number): Promise<{ total: number; items: FigureRow[] }> {
  return filteredScan(async (l, o) => (await ctx.records.figurePage({ ...sel, limit: l, offset: o })).items, async (rows) => {
    const labels = byReport(filter) ? await ctx.records.labels(rows.flatMap((f) => f.values.flatMap((v) => v.reports))) : {};
    return rows.map((f) => passing(f, filter, labels));
  }, limit, offset);
}

/** Details of several figures, loading the texts they quote once. */
export async function detailOf(ctx: ServerContext, builtAt: string, figures: readonly FigureRow[], perValue = Infinity): Promise<FigureDetail[]> {
  return loadDetails(ctx.records, figures, perValue, {
    builtAt, texts: (ids) => loadTexts(ctx.store, ids), reviews: async () => new ReviewIndex(await ctx.store.currentReviews()),
  });
}

/** Figures: the listing, and one figure with every mention in context and the checks touching it. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import type { FigureRow } from '../../pipeline/run/record.js';
import type { FigureDetail, FigureDetailQuery, FigureList, FigureListQuery } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { bool, int, obj, oneOf, query, str } from '../schemas/build.js';
import { MEASURES, errors } from '../schemas/common.js';
import { figureDetail as detailSchema, figureList } from '../schemas/figures.js';
import { figureSummary, isShown, loadDetails } from '../views/figures.js';
import { ReviewIndex } from '../views/reviews.js';
import { loadTexts } from '../views/texts.js';

/** Figures of an event given by key or by part of its label. */
export function ofEvent<F extends Pick<FigureRow, 'key' | 'eventLabel'>>(figures: readonly F[], event: string | undefined): F[] {
  if (!event) return [...figures];
  const want = event.toLowerCase();
  return figures.filter((f) => f.key.event === event || f.key.event === want || f.eventLabel.toLowerCase().includes(want));
}

/** Registers the figure routes. */
export function figureRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: FigureListQuery }>('/api/figures', {
    schema: {
      summary: 'Reconciled figures: values, attributions, independent sources, verdicts', tags: ['record'],
      querystring: query({
        event: str({ maxLength: 200 }), measure: oneOf(MEASURES), all: bool({ description: 'Include population and other counts' }),
        values: int({ minimum: 1, maximum: 1000, description: 'At most this many values per figure, the best supported (default all)' }),
      }),
      response: { 200: figureList, ...errors(400) },
    },
  }, async (req): Promise<FigureList> => {
    const info = await ctx.records.ensure();
    // An event key is one indexed lookup; part of a label needs the listing.
    const byKey = req.query.event ? await ctx.records.figures({ event: req.query.event, measure: req.query.measure }) : [];
    const all = byKey.length ? byKey : await ctx.records.figures({ measure: req.query.measure });
    const figures = ofEvent(all, byKey.length ? undefined : req.query.event).filter((f) => isShown(f, req.query.all));
    const items = figures.map((f) => figureSummary(f, req.query.values));
    // The reports of the values given, named (publisher, date), so a client can filter by them.
    return { builtAt: info.builtAt, items, documents: await ctx.records.labels(items.flatMap((f) => f.values.flatMap((v) => v.reports))) };
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

/** Details of several figures, loading the texts they quote once. */
export async function detailOf(ctx: ServerContext, builtAt: string, figures: readonly FigureRow[], perValue = Infinity): Promise<FigureDetail[]> {
  return loadDetails(ctx.records, figures, perValue, {
    builtAt, texts: (ids) => loadTexts(ctx.store, ids), reviews: async () => new ReviewIndex(await ctx.store.currentReviews()),
  });
}

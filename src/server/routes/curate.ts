/** Curating what extraction cannot know: a report's metadata (publisher, author, date), whether two reports are one source, which names are one entity. Needs a token; audited in words. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { checkEdtf } from '../../review/validate.js';
import type { MetaEditRequest, MetaEditResponse, SourceDecisionRequest, SourceDecisionResponse } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { applyMetaEdit, EDITABLE, metaEdits, putMetaEdit } from '../curation.js';
import type { MetaEdit } from '../curation.js';
import { int, nullable, obj, oneOf, str } from '../schemas/build.js';
import { decisionKey, SOURCE_DECISIONS_SET, sourceDecisions } from '../../pipeline/run/source-decisions.js';
import type { SourceDecision } from '../../pipeline/run/source-decisions.js';
import { errors, idParams, meta } from '../schemas/common.js';
import { auditEntry } from '../schemas/reviews.js';
import { entityCurationRoutes } from './curate-entities.js';
import { isFileSystemRef } from '../views/paths.js';

const field = nullable(str({ maxLength: 500 }));

/** The shown values of the editable fields, for the audit log. */
const shown = (m: { publisher?: string; author?: string; published?: string }) => ({ publisher: m.publisher ?? null, author: m.author ?? null, published: m.published ?? null });

const decisionSchema = obj({ a: str(), b: str(), decision: oneOf(['same', 'independent']), by: str(), at: str(), reason: str() });

/** Registers the curation routes. */
export function curateRoutes(app: FastifyInstance, ctx: ServerContext): void {
  entityCurationRoutes(app, ctx);
  app.put<{ Params: { id: string }; Body: MetaEditRequest }>('/api/documents/:id/meta', {
    onRequest: ctx.requireToken,
    schema: {
      summary: "Edit a report's publisher, author and published date (needs a token); kept beside the extracted metadata, audited", tags: ['review'],
      description: 'Each field given replaces the extracted value (null or "": none); a field left out, or given as extracted, keeps the extracted value. '
        + 'The original bytes and the extracted metadata are never changed; every view shows the edited values, and the record is rebuilt with the edited date '
        + '(figures over time, the timeline, relative dates such as "last year").',
      security: [{ bearer: [] }],
      params: idParams,
      body: obj({ publisher: field, author: field, published: field, reason: str({ minLength: 1, maxLength: 2000 }) }, ['publisher', 'author', 'published']),
      response: { 200: obj({ meta, extracted: meta, audit: auditEntry }), ...errors(400, 401, 404, 413, 415) },
    },
  }, async (req): Promise<MetaEditResponse> => {
    const id = isFileSystemRef(req.params.id) ? null : await ctx.store.resolveId(req.params.id);
    const doc = id === null ? null : await ctx.store.getDocument(id);
    if (id === null || doc === null) throw new AppError('E_NOT_FOUND', 'No stored document has that id');
    const before = applyMetaEdit(doc.meta, (await metaEdits(ctx.store, [id])).get(id));
    const fields: MetaEdit['fields'] = {};
    for (const k of EDITABLE) {
      if (!(k in req.body)) continue;
      const v = req.body[k]?.trim() || null;
      if (k === 'published' && v !== null) checkEdtf(v);
      if (v !== (doc.meta[k] ?? null)) fields[k] = v;
    }
    // Fields the request leaves out keep the earlier edit.
    const earlier = (await metaEdits(ctx.store, [id])).get(id)?.fields ?? {};
    for (const k of EDITABLE) if (!(k in req.body) && k in earlier) fields[k] = earlier[k];
    const edit: MetaEdit = { fields, by: req.tokenOwner!.name, at: new Date().toISOString(), reason: req.body.reason.trim() };
    const after = applyMetaEdit(doc.meta, edit);
    await putMetaEdit(ctx.store, id, edit);
    const audit = await ctx.store.appendAudit({ who: edit.by, action: 'document.meta', target: `doc:${id}#meta`, before: shown(before), after: shown(after), reason: edit.reason });
    // The record dates the report by its edited date: what depends on it is derived again.
    await ctx.records.rebuild();
    return { meta: after, extracted: doc.meta, audit };
  });

  app.post<{ Body: SourceDecisionRequest }>('/api/sources/decisions', {
    onRequest: ctx.requireToken,
    schema: {
      summary: 'Decide whether two reports that share text are the same source or independent (needs a token); audited, the record rebuilt', tags: ['review'],
      description: 'The pair must be one the record found (reports sharing passages). `same` joins their source groups; `independent` keeps them apart '
        + 'and their shared passages no longer make their counts one source. The latest decision on a pair applies.',
      security: [{ bearer: [] }],
      body: obj({ a: str({ minLength: 1, maxLength: 200 }), b: str({ minLength: 1, maxLength: 200 }), decision: oneOf(['same', 'independent']), reason: str({ minLength: 1, maxLength: 2000 }) }),
      response: { 201: obj({ decision: decisionSchema, audit: auditEntry, sourceGroups: int() }), ...errors(400, 401, 404, 413, 415) },
    },
  }, async (req, reply): Promise<SourceDecisionResponse> => {
    const { a, b } = req.body;
    await ctx.records.ensure();
    const pair = (await ctx.records.pairsOf(a)).find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
    if (!pair) throw new AppError('E_NOT_FOUND', 'These two reports share no passage the record knows of: only a pair it found can be decided');
    const key = decisionKey(pair.a, pair.b);
    const earlier = (await sourceDecisions(ctx.store)).get(key) ?? null;
    const decision: SourceDecision = { a: pair.a, b: pair.b, decision: req.body.decision, by: req.tokenOwner!.name, at: new Date().toISOString(), reason: req.body.reason.trim() };
    await ctx.store.putRows([{ set: SOURCE_DECISIONS_SET, rows: [{ key, data: decision }] }]);
    const audit = await ctx.store.appendAudit({
      who: decision.by, action: `sources.${decision.decision}`, target: `pair:${pair.a}:${pair.b}`,
      before: { decision: earlier?.decision ?? 'undecided' }, after: { decision: decision.decision }, reason: decision.reason,
    });
    await ctx.records.rebuild();
    reply.code(201);
    return { decision, audit, sourceGroups: (await ctx.records.groups()).length };
  });
}

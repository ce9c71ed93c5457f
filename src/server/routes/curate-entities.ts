/** Curating entities: merge two that the spelling rules left apart, split a spelling out of one. Needs a token; audited in words. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { putEntityDecision } from '../../pipeline/run/entity-decisions.js';
import type { EntityDecision } from '../../pipeline/run/entity-decisions.js';
import type { EntityCluster, EntityDecisionResponse, EntityMergeRequest, EntitySplitRequest } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { int, obj, str } from '../schemas/build.js';
import { errors } from '../schemas/common.js';
import { entityCluster, entityDecision } from '../schemas/record.js';
import { auditEntry } from '../schemas/reviews.js';

const name = str({ minLength: 1, maxLength: 500 });
const reason = str({ minLength: 1, maxLength: 2000 });
const response = { 201: obj({ decision: entityDecision, audit: auditEntry, entity: entityCluster, entities: int() }), ...errors(400, 401, 404, 413, 415) };

/** An entity as the audit log keeps it: its canonical name and spellings. */
const shown = (e: EntityCluster) => ({ entity: e.canonical, names: e.names.map((n) => n.name) });

/** Registers `POST /api/entities/merge` and `POST /api/entities/split`. */
export function entityCurationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  /** The entity that has a spelling, from the current record. */
  const entityOf = async (spelling: string): Promise<EntityCluster> => {
    const canonical = (await ctx.records.canonicalOf([spelling])).get(spelling);
    const entity = canonical === undefined ? null : await ctx.records.entity(canonical);
    if (entity === null) throw new AppError('E_NOT_FOUND', `No entity has the spelling “${spelling}”`);
    return entity;
  };

  /** Stores the decision, rebuilds the record and answers with the entity `spelling` is in now. */
  const decide = async (decision: EntityDecision, audit: Parameters<ServerContext['store']['appendAudit']>[0]): Promise<EntityDecisionResponse> => {
    await putEntityDecision(ctx.store, decision);
    const entry = await ctx.store.appendAudit(audit);
    await ctx.records.rebuild();
    const entities = await ctx.records.entities();
    return { decision, audit: entry, entity: await entityOf(decision.name), entities: entities.length };
  };

  app.post<{ Body: EntityMergeRequest }>('/api/entities/merge', {
    onRequest: ctx.requireToken,
    schema: {
      summary: 'Merge two entities into one (needs a token); audited, the record rebuilt', tags: ['review'],
      description: 'The entity with the spelling `name` joins the one with the spelling `into`; the most mentioned spelling names the whole. '
        + 'Decisions apply in the order made: a later split takes a spelling out again.',
      security: [{ bearer: [] }],
      body: obj({ name, into: name, reason }),
      response,
    },
  }, async (req, reply): Promise<EntityDecisionResponse> => {
    await ctx.records.ensure();
    const from = await entityOf(req.body.name.trim());
    const into = await entityOf(req.body.into.trim());
    if (from.canonical === into.canonical) throw new AppError('E_BAD_INPUT', `“${req.body.name.trim()}” and “${req.body.into.trim()}” are one entity already`);
    const decision: EntityDecision = { decision: 'merge', name: from.canonical, into: into.canonical, by: req.tokenOwner!.name, at: new Date().toISOString(), reason: req.body.reason.trim() };
    const names = [...into.names, ...from.names].map((n) => n.name);
    const res = await decide(decision, {
      who: decision.by, action: 'entities.merge', target: `entity:${from.canonical}`,
      before: shown(from), after: { entity: into.canonical, names }, reason: decision.reason,
    });
    reply.code(201);
    return res;
  });

  app.post<{ Body: EntitySplitRequest }>('/api/entities/split', {
    onRequest: ctx.requireToken,
    schema: {
      summary: 'Split a spelling out of its entity, to stand alone (needs a token); audited, the record rebuilt', tags: ['review'],
      description: 'The spelling `name` leaves the entity it is in and becomes one of its own; the other spellings stay together. '
        + 'Decisions apply in the order made: a later merge joins it again.',
      security: [{ bearer: [] }],
      body: obj({ name, reason }),
      response,
    },
  }, async (req, reply): Promise<EntityDecisionResponse> => {
    await ctx.records.ensure();
    const spelling = req.body.name.trim();
    const from = await entityOf(spelling);
    if (from.names.length < 2) throw new AppError('E_BAD_INPUT', `“${spelling}” stands alone already: its entity has no other spelling`);
    // Split from what the others are called: the canonical name, or the next most mentioned when it is the one split.
    const rest = from.names.find((n) => n.name !== spelling)!.name;
    const decision: EntityDecision = { decision: 'split', name: spelling, from: from.canonical === spelling ? rest : from.canonical, by: req.tokenOwner!.name, at: new Date().toISOString(), reason: req.body.reason.trim() };
    const res = await decide(decision, {
      who: decision.by, action: 'entities.split', target: `entity:${spelling}`,
      before: shown(from), after: { entity: spelling, names: [spelling], from: decision.from }, reason: decision.reason,
    });
    reply.code(201);
    return res;
  });
}

/** Merging and splitting entities through the API: kept as decisions, applied on every build, the latest winning, audited. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reconcileReviewed } from '../review/reconcile.js';
import type { AuditList, EntityDecisionResponse, EntityList } from './api-types.js';
import { bearer, withServer } from './fixtures.case.js';
import type { TestServer } from './fixtures.case.js';

const EXONYM = 'Shelling of Stepanakert on 3 April 2022 killed 12 people, officials in Stepanakert said. '
  + 'Azerbaijani media, which call the city Khankendi, reported 5 dead. Residents of Khankendi fled to Vessany.\n';

/** Adds a report by upload, as a curator would. */
async function upload(s: TestServer, name: string, text: string): Promise<void> {
  const r = await s.app.inject({ method: 'POST', url: `/api/documents/upload?name=${name}`, payload: Buffer.from(text), headers: { 'content-type': 'application/octet-stream', ...bearer(s.token) } });
  assert.equal(r.statusCode, 201, r.body);
}

const post = (s: TestServer, what: 'merge' | 'split', payload: object, token: string | null = s.token) =>
  s.app.inject({ method: 'POST', url: `/api/entities/${what}`, payload, headers: token ? bearer(token) : {} });

/** Each entity as its spellings, sorted, the entities sorted. */
async function entities(s: TestServer): Promise<string[][]> {
  return (await s.app.inject('/api/entities')).json<EntityList>().items.map((e) => e.names.map((n) => n.name).sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe('POST /api/entities/merge and /split', () => {
  it('need a token, a reason, spellings the record knows, two different entities and a spelling that has company', () => withServer(async (s) => {
    await upload(s, 'exonym.txt', EXONYM);
    const merge = { name: 'Khankendi', into: 'Stepanakert', reason: 'One city, two names' };
    assert.equal((await post(s, 'merge', merge, null)).statusCode, 401);
    assert.equal((await post(s, 'merge', { name: 'Khankendi', into: 'Stepanakert' })).statusCode, 400);
    const unknown = await post(s, 'merge', { ...merge, into: 'Atlantis' });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.json<{ message: string }>().message, /No entity has the spelling “Atlantis”/);
    const itself = await post(s, 'merge', { ...merge, into: 'Khankendi' });
    assert.equal(itself.statusCode, 400);
    assert.match(itself.json<{ message: string }>().message, /one entity already/);
    const lone = await post(s, 'split', { name: 'Vessany', reason: 'r' });
    assert.equal(lone.statusCode, 400);
    assert.match(lone.json<{ message: string }>().message, /stands alone already/);
    assert.equal((await post(s, 'split', { name: 'Atlantis', reason: 'r' })).statusCode, 404);
    assert.equal((await s.app.inject('/api/audit?target=entity:')).json<AuditList>().total, 0, 'nothing refused is audited');
  }));

  it('a merge makes one entity of two on every build after it, a later split undoes it, and each is audited in words', () => withServer(async (s) => {
    await upload(s, 'exonym.txt', EXONYM);
    const apart = await entities(s);
    assert.ok(apart.some((e) => e.join() === 'Khankendi') && apart.some((e) => e.join() === 'Stepanakert'), JSON.stringify(apart));

    const r = await post(s, 'merge', { name: 'Khankendi', into: 'Stepanakert', reason: 'One city, two names' });
    assert.equal(r.statusCode, 201, r.body);
    const res = r.json<EntityDecisionResponse>();
    assert.deepEqual(res.entity.names.map((n) => n.name).sort(), ['Khankendi', 'Stepanakert']);
    assert.ok(res.entity.links.some((l) => l.why === 'merged by a curator'));
    assert.equal(res.entities, apart.length - 1);
    const merged = await entities(s);
    assert.deepEqual(merged.filter((e) => e.includes('Khankendi')), [['Khankendi', 'Stepanakert']]);
    const list = (await s.app.inject('/api/entities')).json<EntityList>();
    assert.deepEqual(list.decisions.map((d) => [d.decision, d.name, d.into, d.by]), [['merge', 'Khankendi', 'Stepanakert', 'tester']]);

    // A new report, reconciled incrementally, and a full rebuild keep the decision.
    await upload(s, 'later.txt', 'Officials in Khankendi said on 5 April 2022 that 3 more people had died in Vessany.\n');
    assert.deepEqual(await entities(s), merged);
    await reconcileReviewed(s.store, { full: true });
    assert.deepEqual(await entities(s), merged);

    const split = await post(s, 'split', { name: 'Khankendi', reason: 'Kept apart: the sources use the names for different sides' });
    assert.equal(split.statusCode, 201, split.body);
    assert.deepEqual(split.json<EntityDecisionResponse>().entity.names.map((n) => n.name), ['Khankendi']);
    assert.equal(split.json<EntityDecisionResponse>().decision.from, 'Stepanakert');
    assert.deepEqual(await entities(s), apart);
    await reconcileReviewed(s.store, { full: true });
    assert.deepEqual(await entities(s), apart);

    const audit = (await s.app.inject('/api/audit?target=entity:')).json<AuditList>().items;
    assert.deepEqual(audit.map((e) => [e.action, e.target, e.before, e.after, e.reason]), [
      // The later report made "Khankendi" the most mentioned spelling: it was split from what the rest is called.
      ['entities.split', 'entity:Khankendi', { entity: 'Khankendi', names: ['Khankendi', 'Stepanakert'] }, { entity: 'Khankendi', names: ['Khankendi'], from: 'Stepanakert' }, 'Kept apart: the sources use the names for different sides'],
      ['entities.merge', 'entity:Khankendi', { entity: 'Khankendi', names: ['Khankendi'] }, { entity: 'Stepanakert', names: ['Stepanakert', 'Khankendi'] }, 'One city, two names'],
    ]);
  }));
});

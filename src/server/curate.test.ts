/** Curating a report's metadata through the API: kept beside the extracted values, shown everywhere, audited. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reconcileReviewed } from '../review/reconcile.js';
import type { AuditList, DocumentDetail, DocumentList, FigureDetail, FigureList, MetaEditResponse, Timeline } from './api-types.js';
import { bearer, withServer } from './fixtures.case.js';

const put = (id: string, payload: object, token?: string) => ({ method: 'PUT' as const, url: `/api/documents/${id}/meta`, payload, headers: token ? bearer(token) : {} });

describe('PUT /api/documents/:id/meta', () => {
  it('replaces the publisher, author and date for every reader, keeps the extracted ones and the bytes, and audits it in words', () => withServer(async ({ app, store, ids, token }) => {
    const id = ids['reprint.txt']!;
    const bytes = await store.getOriginal(id);
    const r = await app.inject(put(id, { publisher: 'Valley Post (evening edition)', author: 'Ada Lim', published: '2022-03-17', reason: 'The print edition is dated the 17th' }, token));
    assert.equal(r.statusCode, 200, r.body);
    const res = r.json<MetaEditResponse>();
    assert.deepEqual([res.meta.publisher, res.meta.author, res.meta.published], ['Valley Post (evening edition)', 'Ada Lim', '2022-03-17']);
    assert.deepEqual([res.extracted.publisher, res.extracted.published], ['Valley Post', '2022-03-16']);

    const detail = (await app.inject(`/api/documents/${id}`)).json<DocumentDetail>();
    assert.equal(detail.document.meta.publisher, 'Valley Post (evening edition)');
    assert.equal(detail.extractedMeta?.publisher, 'Valley Post');
    assert.equal(detail.metaEdit?.by, 'tester');
    const listed = (await app.inject('/api/documents')).json<DocumentList>().items.find((d) => d.id === id)!;
    assert.equal(listed.meta.published, '2022-03-17');
    // A figure's mentions name the report by its edited metadata.
    const figures = (await app.inject('/api/figures')).json<FigureList>();
    const killed = figures.items.find((f) => f.key.measure === 'killed' && f.values.some((v) => v.min === 37))!;
    const fig = (await app.inject(`/api/figures/${killed.id}`)).json<FigureDetail>();
    const mention = fig.values.flatMap((v) => v.evidence).find((m) => m.document.id === id)!;
    assert.deepEqual([mention.document.publisher, mention.document.published], ['Valley Post (evening edition)', '2022-03-17']);

    assert.deepEqual(await store.getOriginal(id), bytes, 'the original bytes are untouched');
    assert.equal((await store.getDocument(id))!.meta.publisher, 'Valley Post', 'the extracted metadata is untouched');
    const audit = (await app.inject(`/api/audit?target=doc:${id}`)).json<AuditList>().items[0]!;
    assert.equal(audit.action, 'document.meta');
    assert.deepEqual(audit.before, { publisher: 'Valley Post', author: null, published: '2022-03-16' });
    assert.deepEqual(audit.after, { publisher: 'Valley Post (evening edition)', author: 'Ada Lim', published: '2022-03-17' });
    assert.equal(audit.reason, 'The print edition is dated the 17th');

    // A later edit of one field keeps the others; giving the extracted value back undoes that field.
    const again = (await app.inject(put(id, { published: '2022-03-16', reason: 'It was the 16th after all' }, token))).json<MetaEditResponse>();
    assert.deepEqual([again.meta.publisher, again.meta.author, again.meta.published], ['Valley Post (evening edition)', 'Ada Lim', '2022-03-16']);
  }));

  it("dates the report by its edited date in the record: a figure's verdict over time follows, as a full rebuild gives it", () => withServer(async ({ app, store, ids, token }) => {
    const killed = async () => (await app.inject('/api/figures')).json<FigureList>().items.find((f) => f.key.measure === 'killed')!.verdict;
    assert.match((await killed()).reason, /^sources disagree/);
    const r = await app.inject(put(ids['monitor.txt']!, { published: '2022-05-20', reason: 'The monitor’s count was published in May' }, token));
    assert.equal(r.statusCode, 200, r.body);
    const after = await killed();
    assert.ok(after.status === 'diverging' && after.kind === 'time', JSON.stringify(after));
    assert.match(after.reason, /^the figure changed over time: 37 in 2 reports published 2022-03-15 to 2022-03-16, then at least 52 in a report published 2022-05-20/);
    const timeline = (await app.inject('/api/timeline')).json<Timeline>();
    assert.ok(timeline.publications.some((p) => p.doc === ids['monitor.txt'] && p.value === '2022-05-20'));
    await reconcileReviewed(store, { full: true });
    assert.deepEqual(await killed(), after);
  }));

  it('needs a token, a reason and an EDTF date', () => withServer(async ({ app, ids, token }) => {
    const id = ids['wire.txt']!;
    assert.equal((await app.inject(put(id, { publisher: 'X', reason: 'r' }))).statusCode, 401);
    assert.equal((await app.inject(put(id, { publisher: 'X' }, token))).statusCode, 400);
    const bad = await app.inject(put(id, { published: 'last Tuesday', reason: 'r' }, token));
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ message: string }>().message, /EDTF/);
    assert.equal((await app.inject(put('nosuch', { publisher: 'X', reason: 'r' }, token))).statusCode, 404);
  }));
});

describe('POST /api/sources/decisions', () => {
  it('needs a token and a pair the record found', () => withServer(async ({ app, ids, token }) => {
    const body = { a: ids['wire.txt'], b: ids['monitor.txt'], decision: 'same', reason: 'r' };
    assert.equal((await app.inject({ method: 'POST', url: '/api/sources/decisions', payload: body })).statusCode, 401);
    const r = await app.inject({ method: 'POST', url: '/api/sources/decisions', payload: body, headers: bearer(token) });
    assert.equal(r.statusCode, 404);
    assert.match(r.json<{ message: string }>().message, /share no passage/);
  }));

  it('decided independent, a reprint and its wire story count as two sources after the rebuild; decided the same again, as one; each audited', () => withServer(async ({ app, ids, token }) => {
    const support = async () => {
      const figures = (await app.inject('/api/figures')).json<FigureList>();
      const v = figures.items.find((f) => f.key.measure === 'killed')!.values.find((x) => x.min === 37)!;
      return [v.reports.length, v.independent];
    };
    const groups = async () => (await app.inject('/api/sources')).json<{ groups: unknown[]; decisions: Array<{ decision: string }> }>();
    assert.deepEqual(await support(), [2, 1]);
    const before = (await groups()).groups.length;
    const decide = (decision: string) => app.inject({ method: 'POST', url: '/api/sources/decisions', payload: { a: ids['reprint.txt'], b: ids['wire.txt'], decision, reason: 'Checked with both newsrooms' }, headers: bearer(token) });
    const r = await decide('independent');
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json<{ sourceGroups: number }>().sourceGroups, before + 1);
    assert.deepEqual(await support(), [2, 2]);
    assert.deepEqual((await groups()).decisions.map((d) => d.decision), ['independent']);
    assert.equal((await decide('same')).statusCode, 201);
    assert.deepEqual(await support(), [2, 1]);
    const audit = (await app.inject('/api/audit?target=pair:')).json<AuditList>().items;
    assert.deepEqual(audit.map((e) => [e.action, e.before, e.after]), [
      ['sources.same', { decision: 'independent' }, { decision: 'same' }],
      ['sources.independent', { decision: 'undecided' }, { decision: 'independent' }],
    ]);
  }));
});

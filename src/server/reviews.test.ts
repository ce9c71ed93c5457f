/** API: reviews need a token, are validated, are audited, and change the figures they touch. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditList, DocumentDetail, FigureDetail, ReviewList, ReviewResponse } from './api-types.js';
import { bearer, withServer } from './fixtures.case.js';
import { RecordSource } from './records.js';
import { buildInfo } from '../pipeline/run/record-rows.js';
import type { TestServer } from './fixtures.case.js';

/** The wire story's "37 people were killed" count as the API shows it. */
async function wireKilled({ app, ids }: TestServer) {
  const d = (await app.inject(`/api/documents/${ids['wire.txt']}`)).json<DocumentDetail>();
  return d.counts.find((c) => c.extracted.measure === 'killed')!;
}

/** POSTs a review body with the given headers. */
function post(app: TestServer['app'], payload: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/reviews', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(payload) });
}

describe('POST /api/reviews', () => {
  it('lets readers see the stored record while a rebuild after a review runs, instead of queueing behind it', () => withServer(async ({ app, store, ids }) => {
    await app.inject('/api/figures');
    const before = (await buildInfo(store))!;
    const d = (await app.inject(`/api/documents/${ids['wire.txt']}`)).json<DocumentDetail>();
    const count = d.counts[0]!.extracted;
    await store.addReview({ documentId: ids['wire.txt']!, kind: 'count', span: count.span, item: count.measure, action: 'reject', reason: 'test', reviewer: 'tester' });
    await new Promise((r) => setTimeout(r, 5));
    const records = new RecordSource(store);
    const rebuilt = records.rebuild();
    // Asked while the rebuild runs: the record as stored, at once.
    const seen = await records.ensure();
    assert.equal(seen.builtAt, before.builtAt);
    const after = await rebuilt;
    assert.notEqual(after.builtAt, before.builtAt);
    assert.equal(after.reviews, before.reviews + 1);
    // Once it is written, a reader gets the new one; with no rebuild asked for, a stale record is rebuilt first.
    assert.equal((await records.ensure()).builtAt, after.builtAt);
    await store.addReview({ documentId: ids['wire.txt']!, kind: 'count', span: count.span, item: count.measure, action: 'confirm', reason: 'test', reviewer: 'tester' });
    assert.equal((await records.ensure()).reviews, after.reviews + 1);
  }));

  it('stores a correction beside the extraction, audits it and recomputes the figure', () => withServer(async (s) => {
    const { app, ids, token } = s;
    const count = await wireKilled(s);
    const figureBefore = (await app.inject(`/api/figures/${count.figureId}`)).json<FigureDetail>();
    assert.ok(figureBefore.values.some((v) => v.min === 37 && v.reports.includes(ids['wire.txt']!)));

    const r = await post(app, {
      documentId: ids['wire.txt'], kind: 'count', span: count.extracted.span, action: 'correct',
      corrected: { min: 39, max: 39 }, reason: 'The governor revised the toll the next day',
    }, bearer(token));
    assert.equal(r.statusCode, 201, r.body);
    const body = r.json<ReviewResponse>();
    assert.equal(body.review.reviewer, 'tester');
    assert.deepEqual(body.review.corrected, { min: 39, max: 39 });
    assert.equal(body.audit.action, 'review.correct');
    assert.equal(body.audit.who, 'tester');
    assert.equal(body.audit.reason, 'The governor revised the toll the next day');
    assert.deepEqual([(body.audit.before as { value: { min: number } }).value.min, (body.audit.after as { value: { min: number } }).value.min], [37, 39]);
    const fig = body.figures.find((f) => f.id === count.figureId)!;
    assert.ok(fig.values.some((v) => v.min === 39 && v.reports.includes(ids['wire.txt']!)), 'the figure shows the corrected value');
    assert.ok(!fig.values.some((v) => v.min === 37 && v.reports.includes(ids['wire.txt']!)));

    const after = (await app.inject(`/api/figures/${count.figureId}`)).json<FigureDetail>();
    const mention = after.values.flatMap((v) => v.evidence).find((m) => m.document.id === ids['wire.txt'])!;
    assert.deepEqual([mention.count.min, mention.count.quote, mention.status], [39, '37 people', 'corrected']);

    const doc = (await app.inject(`/api/documents/${ids['wire.txt']}`)).json<DocumentDetail>();
    const item = doc.counts.find((c) => c.key === count.key)!;
    assert.equal(item.extracted.min, 37, 'the extracted value stays');
    assert.equal(item.value!.min, 39, 'the reviewed value sits beside it');
    assert.equal(item.status, 'corrected');
    assert.equal(item.reviews.length, 1);

    const audit = (await app.inject('/api/audit')).json<AuditList>();
    assert.equal(audit.items[0]!.action, 'review.correct');
    assert.equal(audit.items[0]!.target, `doc:${ids['wire.txt']}#${count.key}`);
    const reviews = (await app.inject(`/api/reviews?documentId=${ids['wire.txt']}`)).json<ReviewList>();
    assert.equal(reviews.total, 1);
    assert.equal((await app.inject(`/api/reviews?documentId=${ids['monitor.txt']}`)).json<ReviewList>().total, 0);
  }));

  it('takes a rejected count out of its figure, and a later confirm brings it back', () => withServer(async (s) => {
    const { app, ids, token } = s;
    const count = await wireKilled(s);
    const base = { documentId: ids['wire.txt'], kind: 'count', span: count.extracted.span, measure: 'killed', reason: 'duplicate of the reprint' };
    const rejected = (await post(app, { ...base, action: 'reject' }, bearer(token))).json<ReviewResponse>();
    const fig = rejected.figures.find((f) => f.id === count.figureId)!;
    assert.ok(!fig.values.some((v) => v.reports.includes(ids['wire.txt']!)));
    const confirmed = (await post(app, { ...base, action: 'confirm', reason: 'it is the original, not a copy' }, bearer(token))).json<ReviewResponse>();
    assert.ok(confirmed.figures.find((f) => f.id === count.figureId)!.values.some((v) => v.reports.includes(ids['wire.txt']!)));
    const audit = (await app.inject(`/api/audit?target=${encodeURIComponent(`doc:${ids['wire.txt']}`)}`)).json<AuditList>();
    assert.deepEqual(audit.items.map((e) => e.action), ['review.confirm', 'review.reject']);
    assert.deepEqual(audit.items[0]!.before, { status: 'rejected', value: null });
  }));

  it('reviews a date, checking that a corrected value is EDTF', () => withServer(async ({ app, ids, token }) => {
    const d = (await app.inject(`/api/documents/${ids['monitor.txt']}`)).json<DocumentDetail>().dates[0]!;
    const base = { documentId: ids['monitor.txt'], kind: 'date', span: d.extracted.span, action: 'correct', reason: 'the collapse was reported the day after' };
    const bad = await post(app, { ...base, corrected: { value: 'the day after' } }, bearer(token));
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().message, /EDTF/);
    const ok = await post(app, { ...base, corrected: { value: '2022-03-15' } }, bearer(token));
    assert.equal(ok.statusCode, 201, ok.body);
    const item = (await app.inject(`/api/documents/${ids['monitor.txt']}`)).json<DocumentDetail>().dates[0]!;
    assert.deepEqual([item.extracted.value, item.value!.value, item.status], [d.extracted.value, '2022-03-15', 'corrected']);
  }));
});

describe('POST /api/reviews refuses', () => {
  const valid = async (s: TestServer) => {
    const c = await wireKilled(s);
    return { documentId: s.ids['wire.txt'], kind: 'count', span: c.extracted.span, action: 'confirm', reason: 'checked' };
  };

  it('a missing, malformed, wrong or revoked token with 401, before reading the body', () => withServer(async (s) => {
    const { app, store } = s;
    const body = await valid(s);
    const revoked = await store.createToken('gone');
    await store.revokeToken(revoked.id);
    for (const headers of [{}, { authorization: 'Bearer' }, { authorization: 'Basic dXNlcjpwdw==' }, bearer('cc_wrong'), bearer(`${s.token}x`), bearer(revoked.token), { authorization: `Bearer ${'x'.repeat(600)}` }]) {
      const r = await post(app, body, headers);
      assert.equal(r.statusCode, 401, JSON.stringify(headers).slice(0, 60));
      assert.equal(r.json().code, 'E_UNAUTHORIZED');
      assert.equal(r.headers['www-authenticate'], 'Bearer');
    }
    const big = await post(app, { ...body, reason: 'x'.repeat(100_000) });
    assert.equal(big.statusCode, 401, 'an anonymous client cannot make the server read a big body');
    assert.equal((await app.inject('/api/reviews')).json<ReviewList>().total, 0);
  }));

  it('malformed bodies with 400', () => withServer(async (s) => {
    const { app, token } = s;
    const body = await valid(s);
    const cases: Array<[string, unknown]> = [
      ['not an object', ['a']],
      ['no kind', { ...body, kind: undefined }],
      ['unknown kind', { ...body, kind: 'entity' }],
      ['unknown action', { ...body, action: 'delete' }],
      ['no reason', { ...body, reason: undefined }],
      ['empty reason', { ...body, reason: '' }],
      ['blank reason', { ...body, reason: '   ' }],
      ['unknown field', { ...body, admin: true }],
      ['span upside down', { ...body, span: { start: 10, end: 2 } }],
      ['negative span', { ...body, span: { start: -1, end: 2 } }],
      ['span not numbers', { ...body, span: { start: 'a', end: 'b' } }],
      ['correct without a value', { ...body, action: 'correct' }],
      ['confirm with a value', { ...body, corrected: { min: 1, max: 1 } }],
      ['correction of an unknown field', { ...body, action: 'correct', corrected: { quote: 'x' } }],
      ['empty correction', { ...body, action: 'correct', corrected: {} }],
      ['min above max', { ...body, action: 'correct', corrected: { min: 50, max: 40 } }],
      ['fractional count', { ...body, action: 'correct', corrected: { min: 1.5, max: 2 } }],
      ['date correction for a count', { ...body, action: 'correct', corrected: { value: '2022-03-14' } }],
      ['measure on a date', { ...body, kind: 'date', measure: 'killed' }],
      ['unknown measure', { ...body, measure: 'eaten' }],
    ];
    for (const [what, payload] of cases) {
      const r = await post(app, payload, bearer(token));
      assert.equal(r.statusCode, 400, `${what}: ${r.body}`);
      assert.equal(r.json().code, 'E_BAD_INPUT', what);
    }
    const notJson = await app.inject({ method: 'POST', url: '/api/reviews', headers: { ...bearer(token), 'content-type': 'application/json' }, payload: '{"documentId":' });
    assert.equal(notJson.statusCode, 400);
    const text = await app.inject({ method: 'POST', url: '/api/reviews', headers: { ...bearer(token), 'content-type': 'text/plain' }, payload: 'confirm it' });
    assert.equal(text.statusCode, 415, 'a text body is the wrong media type, like XML');
    const xml = await app.inject({ method: 'POST', url: '/api/reviews', headers: { ...bearer(token), 'content-type': 'application/xml' }, payload: '<review/>' });
    assert.equal(xml.statusCode, 415);
    assert.equal((await app.inject('/api/audit?target=doc:')).json<AuditList>().total, 0, 'nothing refused was audited');
  }));

  it('unknown documents and items with 404', () => withServer(async (s) => {
    const { app, token } = s;
    const body = await valid(s);
    for (const payload of [{ ...body, documentId: 'nope' }, { ...body, documentId: `${body.documentId}\u0000` }, { ...body, span: { start: 0, end: 3 } }, { ...body, measure: 'injured' }]) {
      const r = await post(app, payload, bearer(token));
      assert.equal(r.statusCode, 404, r.body);
      assert.equal(r.json().code, 'E_NOT_FOUND');
    }
  }));

  it('an oversized body with 413', () => withServer(async (s) => {
    const r = await post(s.app, { ...(await valid(s)), reason: 'x'.repeat(70 * 1024) }, bearer(s.token));
    assert.equal(r.statusCode, 413);
    assert.deepEqual(r.json(), { code: 'E_TOO_LARGE', message: 'The body is larger than 64 KB' });
  }));
});

describe('the audit log', () => {
  it('lists entries newest first and has no route that edits or deletes it', () => withServer(async (s) => {
    const { app, token } = s;
    await post(app, await valid2(s), bearer(token));
    const log = (await app.inject('/api/audit?limit=1')).json<AuditList>();
    assert.deepEqual([log.total, log.items.length, log.items[0]!.action], [2, 1, 'review.confirm']);
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      const r = await app.inject({ method, url: '/api/audit', headers: bearer(token) });
      assert.equal(r.statusCode, 404, method);
      const one = await app.inject({ method, url: '/api/audit/1', headers: bearer(token) });
      assert.equal(one.statusCode, 404, method);
    }
    assert.equal((await app.inject('/api/audit')).json<AuditList>().total, 2);
    assert.equal((await app.inject('/api/audit?limit=5000')).statusCode, 400);
  }));
});

/** A valid confirm of the wire count. */
async function valid2(s: TestServer) {
  const c = await wireKilled(s);
  return { documentId: s.ids['wire.txt'], kind: 'count', span: c.extracted.span, action: 'confirm', reason: 'checked' };
}

describe('POST /api/reviews with an Idempotency-Key', () => {
  it('stores a retried review once, answers the retry with the first review, and refuses the key for another review', () => withServer(async (s) => {
    const { app, ids, token } = s;
    const count = await wireKilled(s);
    const body = { documentId: ids['wire.txt'], kind: 'count', span: count.extracted.span, action: 'confirm', reason: 'matches the bulletin' };
    const headers = { ...bearer(token), 'idempotency-key': 'retry-7f3a' };
    const first = await post(app, body, headers);
    assert.equal(first.statusCode, 201, first.body);
    const again = await post(app, body, headers);
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json<ReviewResponse>().review, first.json<ReviewResponse>().review);
    assert.deepEqual(again.json<ReviewResponse>().audit, first.json<ReviewResponse>().audit);
    assert.equal((await app.inject(`/api/reviews?documentId=${ids['wire.txt']}`)).json<ReviewList>().total, 1, 'stored once');
    const audited = (await app.inject('/api/audit')).json<AuditList>().items.filter((e) => e.action.startsWith('review.'));
    assert.deepEqual(audited.map((e) => e.action), ['review.confirm'], 'audited once');

    const other = await post(app, { ...body, action: 'reject' }, headers);
    assert.equal(other.statusCode, 409, other.body);
    assert.equal(other.json().code, 'E_CONFLICT');
    const fresh = await post(app, { ...body, action: 'reject' }, { ...bearer(token), 'idempotency-key': 'retry-8b21' });
    assert.equal(fresh.statusCode, 201);
    for (const key of ['', 'has space', 'x'.repeat(201)]) {
      const r = await post(app, body, { ...bearer(token), 'idempotency-key': key });
      assert.equal(r.statusCode, 400, `${JSON.stringify(key)}: ${r.body}`);
    }
    assert.equal((await app.inject(`/api/reviews?documentId=${ids['wire.txt']}`)).json<ReviewList>().total, 2);
  }));

  it('refuses a corrected count above the largest safe integer (2^53 + 1)', () => withServer(async (s) => {
    const { app, ids, token } = s;
    const count = await wireKilled(s);
    const r = await app.inject({
      method: 'POST', url: '/api/reviews', headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: `{"documentId":"${ids['wire.txt']}","kind":"count","span":${JSON.stringify(count.extracted.span)},"action":"correct","corrected":{"min":9007199254740993,"max":9007199254740993},"reason":"r"}`,
    });
    assert.equal(r.statusCode, 400, r.body);
    assert.match(r.json().message, /must be <= 9007199254740991/);
  }));
});

/** Shared cases: reviews beside the extraction, the append-only audit log, and API tokens. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isAppError } from '../../domain/errors.js';
import { countKey } from '../review-items.js';
import type { ReviewInput, Store, StoreFactory } from '../store.js';
import { count, floodReport, report, withStore } from './fixtures.case.js';

/** A stored flood report and a review input for its first count (42 killed). */
async function reviewed(store: Store): Promise<{ id: string; base: ReviewInput; text: string }> {
  const r = floodReport();
  await store.addReport(r.doc, r.extraction, r.original);
  const c = r.extraction.counts[0]!;
  return { id: r.doc.id, text: r.doc.text, base: { documentId: r.doc.id, kind: 'count', span: c.span, action: 'confirm', reason: 'checked against the council bulletin', reviewer: 'ana' } };
}

/** Asserts that `p` rejects with an AppError of `code`. */
async function rejects(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => isAppError(e) && e.code === code);
}

/** Register the review cases against `newStore`. */
export function reviewCases(newStore: StoreFactory): void {
  it('keeps a correction beside the extracted count and audits before and after', async () => withStore(newStore, async (store) => {
    const { id, base } = await reviewed(store);
    const before = await store.getExtraction(id);
    const { review, audit } = await store.addReview({ ...base, action: 'correct', corrected: { min: 40, max: 40 } });
    assert.equal(review.key, `count:${base.span.start}-${base.span.end}:killed`);
    assert.deepEqual(review.corrected, { min: 40, max: 40 });
    assert.equal(review.item, 'killed');
    assert.deepEqual(await store.getExtraction(id), before, 'the extraction is never overwritten');
    assert.equal(audit.who, 'ana');
    assert.equal(audit.action, 'review.correct');
    assert.equal(audit.target, `doc:${id}#${review.key}`);
    assert.equal(audit.reason, 'checked against the council bulletin');
    const b = audit.before as { status: string; value: { min: number } };
    const a = audit.after as { status: string; value: { min: number; quote: string } };
    assert.deepEqual([b.status, b.value.min], ['extracted', 42]);
    assert.deepEqual([a.status, a.value.min, a.value.quote], ['corrected', 40, '42 people']);
  }));

  it('applies only the latest review of an item, and chains the audit from one state to the next', async () => withStore(newStore, async (store) => {
    const { base } = await reviewed(store);
    await store.addReview({ ...base, action: 'correct', corrected: { min: 40, max: 40 } });
    const { audit } = await store.addReview({ ...base, action: 'reject', reason: 'the figure is for the whole valley' });
    assert.equal((audit.before as { status: string }).status, 'corrected');
    assert.deepEqual(audit.after, { status: 'rejected', value: null });
    const current = await store.currentReviews();
    assert.equal(current.length, 1);
    assert.equal(current[0]!.action, 'reject');
    assert.equal((await store.listReviews()).total, 2);
    const log = await store.listAudit();
    assert.deepEqual(log.items.map((e) => e.action), ['review.reject', 'review.correct'], 'newest first');
  }));

  it('refuses unknown documents and items, bad corrections and empty reasons', async () => withStore(newStore, async (store) => {
    const { base } = await reviewed(store);
    await rejects(store.addReview({ ...base, documentId: 'nope' }), 'E_NOT_FOUND');
    await rejects(store.addReview({ ...base, span: { start: 0, end: 3 } }), 'E_NOT_FOUND');
    await rejects(store.addReview({ ...base, item: 'injured' }), 'E_NOT_FOUND');
    await rejects(store.addReview({ ...base, kind: 'date' }), 'E_NOT_FOUND');
    await rejects(store.addReview({ ...base, action: 'correct' }), 'E_BAD_INPUT');
    await rejects(store.addReview({ ...base, action: 'correct', corrected: {} }), 'E_BAD_INPUT');
    await rejects(store.addReview({ ...base, action: 'correct', corrected: { min: 50, max: 40 } }), 'E_BAD_INPUT');
    await rejects(store.addReview({ ...base, action: 'correct', corrected: { min: 45 } }), 'E_BAD_INPUT');
    await rejects(store.addReview({ ...base, action: 'correct', corrected: { quote: 'x' } as never }), 'E_BAD_INPUT');
    await rejects(store.addReview({ ...base, action: 'correct', corrected: { min: -1, max: 3 } }), 'E_BAD_INPUT');
    await rejects(store.addReview({ ...base, corrected: { min: 40 } }), 'E_BAD_INPUT');
    await rejects(store.addReview({ ...base, reason: '  ' }), 'E_BAD_INPUT');
    await rejects(store.addReview({ ...base, span: { start: 5, end: 2 } }), 'E_BAD_INPUT');
    assert.equal((await store.listReviews()).total, 0);
    assert.equal((await store.listAudit()).total, 0, 'a refused review leaves no audit entry');
  }));

  it('reviews a date and needs the measure only when two counts share a span', async () => withStore(newStore, async (store) => {
    const text = 'On 2 June 2020, 14 villagers were killed or injured at Ostrel.';
    const r = report({ path: 'ostrel.txt', text, counts: [count(text, '14 villagers', 14), count(text, '14 villagers', 14, { measure: 'casualties' })],
      dates: [{ value: '2020-06-02', span: { start: 3, end: 14 }, quote: '2 June 2020' }] });
    await store.addReport(r.doc, r.extraction, r.original);
    const base: ReviewInput = { documentId: r.doc.id, kind: 'count', span: r.extraction.counts[0]!.span, action: 'confirm', reason: 'ok', reviewer: 'ben' };
    await rejects(store.addReview(base), 'E_BAD_INPUT');
    assert.equal((await store.addReview({ ...base, item: 'casualties' })).review.item, 'casualties');
    const d = await store.addReview({ documentId: r.doc.id, kind: 'date', span: { start: 3, end: 14 }, action: 'correct', corrected: { value: '2020-06-03' }, reason: 'the dispatch was dated the day after', reviewer: 'ben' });
    assert.equal(d.review.key, 'date:3-14:2020-06-02');
    assert.equal((d.audit.after as { value: { value: string } }).value.value, '2020-06-03');
  }));

  it('keeps reviews keyed by span and measure when a re-extraction reorders the counts', async () => withStore(newStore, async (store) => {
    const { id, base } = await reviewed(store);
    await store.addReview({ ...base, action: 'reject' });
    const ex = (await store.getExtraction(id))!;
    await store.replaceExtraction(id, { counts: [...ex.counts].reverse().map((c) => ({ ...c, partOf: undefined })), dates: ex.dates });
    const [current] = await store.currentReviews();
    const moved = (await store.getExtraction(id))!.counts[1]!;
    assert.equal(current!.key, countKey(moved));
  }));

  it('pages reviews by document and filters the audit log by target prefix', async () => withStore(newStore, async (store) => {
    const { id, base } = await reviewed(store);
    for (let i = 0; i < 3; i++) await store.addReview({ ...base, reason: `pass ${i}` });
    const page = await store.listReviews({ documentId: id, limit: 2, offset: 1 });
    assert.equal(page.total, 3);
    assert.deepEqual(page.items.map((r) => r.reason), ['pass 1', 'pass 2']);
    assert.equal((await store.listReviews({ documentId: 'other' })).total, 0);
    await store.appendAudit({ who: 'ops', action: 'note', target: 'corpus', reason: 'a note' });
    assert.equal((await store.listAudit({ target: `doc:${id}` })).total, 3);
    assert.equal((await store.listAudit({ target: 'corpus' })).items[0]!.reason, 'a note');
    await rejects(store.listAudit({ limit: 0 }), 'E_BAD_INPUT');
  }));

  it('stores only a hash of each token, verifies it, and forgets a revoked one', async () => withStore(newStore, async (store) => {
    const created = await store.createToken('desk', 'admin');
    assert.match(created.token, /^cc_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(await store.verifyToken(created.token), { id: created.id, name: 'desk' });
    assert.equal(await store.verifyToken(`${created.token}x`), null);
    assert.equal(await store.verifyToken(''), null);
    const listed = await store.listTokens();
    assert.deepEqual(Object.keys(listed[0]!).sort(), ['createdAt', 'id', 'name', 'revokedAt']);
    assert.ok(!JSON.stringify(listed).includes(created.token));
    await rejects(store.createToken('desk'), 'E_CONFLICT');
    assert.equal(await store.revokeToken(created.id, 'admin'), true);
    assert.equal(await store.revokeToken(created.id, 'admin'), false);
    assert.equal(await store.verifyToken(created.token), null);
    const log = await store.listAudit({ target: `token:${created.id}` });
    assert.deepEqual(log.items.map((e) => [e.action, e.who]), [['token.revoke', 'admin'], ['token.create', 'admin']]);
    assert.ok(!JSON.stringify(log).includes(created.token));
    await rejects(store.createToken(' '), 'E_BAD_INPUT');
    assert.equal((await store.createToken('desk')).name, 'desk', 'a revoked name can be used again');
  }));
  it('stores a review given twice with one Idempotency-Key once, per reviewer, and refuses the key for another review', async () => withStore(newStore, async (store) => {
    const { id, base } = await reviewed(store);
    const first = await store.addReview({ ...base, idempotencyKey: 'k1' });
    const again = await store.addReview({ ...base, idempotencyKey: 'k1' });
    assert.equal(again.replayed, true);
    assert.deepEqual([again.review, again.audit], [first.review, first.audit]);
    assert.equal((await store.listReviews({ documentId: id })).total, 1);
    await rejects(store.addReview({ ...base, action: 'reject', idempotencyKey: 'k1' }), 'E_CONFLICT');
    const other = await store.addReview({ ...base, reviewer: 'ben', idempotencyKey: 'k1' });
    assert.notEqual(other.replayed, true, "another reviewer's key is their own");
    await rejects(store.addReview({ ...base, idempotencyKey: 'x'.repeat(201) }), 'E_BAD_INPUT');
    assert.equal((await store.listReviews({ documentId: id })).total, 2);
  }));

  it('refuses a corrected count beyond the safe integers', async () => withStore(newStore, async (store) => {
    const { base } = await reviewed(store);
    await rejects(store.addReview({ ...base, action: 'correct', corrected: { min: 2 ** 53 + 1, max: 2 ** 53 + 1 } }), 'E_BAD_INPUT');
  }));
}

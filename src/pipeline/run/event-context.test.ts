import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { assignContext } from '../3-reconcile/index.js';
import type { EventMention } from '../3-reconcile/index.js';
import { foldName } from '../3-reconcile/entities/aliases.js';
import { mulberry32 } from '../3-reconcile/sources/hash.js';
import { openSqliteStore } from '../../storage/sqlite/index.js';
import { Tallies, type TallyInput } from './tallies.js';
import { patchContext, storedContext, type StoredContext } from './event-context.js';
import { changedWords } from './assign.js';

// Spellings that join by fold (Dörvik, Dorvik), by typo (Kesrin, Kessrin, Kessrinn), by an exonym row (Oldtown, Vetrograd), and names too short for typos.
const NAMES = ['Dorvik', 'Dörvik', 'Dorvikk', 'Kesrin', 'Kessrin', 'Kessrinn', 'Ostvalen', 'Ostvallen', 'Oldtown', 'Vetrograd', 'Ulm', 'Ulma', 'Ardel Valley', 'Ardel Valey', 'Marrow Bay', ''];
const NOUNS = ['massacre', 'attack', 'siege', 'war', 'offensive'];
const EXONYMS = [['Oldtown', 'Vetrograd']];

// The names come into use one by one as the reports go on (so that later ones join earlier ones' clusters); `years`: whether a year alone names a specific event.
function corpus(seed: number, n: number, pool: number, years = true): TallyInput[] {
  const next = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[next() % list.length]!;
  const out: TallyInput[] = [];
  for (let r = 0; r < n; r++) {
    const names = NAMES.slice(0, 1 + Math.floor((pool * r) / n)).concat(['']);
    const mentions: EventMention[] = [];
    for (let j = next() % 4; j > 0; j--) {
      const name = pick(names);
      const noun = name === '' && !years ? 'war' : pick(NOUNS);
      const year = 1990 + (next() % 3);
      const label = name === '' ? `${year} ${noun}` : next() % 2 ? `${name} ${noun}` : `${noun} in ${name}`;
      mentions.push({ name, key: name === '' ? String(year) : foldName(name), label, tier: noun === 'war' || noun === 'offensive' ? 'broad' : 'specific', comparison: next() % 5 === 0, quote: label, start: 0, end: label.length });
    }
    // The same names as places too: their tallies are grouped by the same folded keys.
    const entities = mentions.filter((m) => m.name !== '' && next() % 2).map((m, i) => ({ text: m.name, kind: 'place' as const, span: { start: i * 10, end: i * 10 + m.name.length }, sentence: { start: 0, end: 80 } }));
    out.push({ id: `r${r}`, order: r + 1, mentions, entities });
  }
  return out;
}

/** The context made from every tally of these reports. */
function full(reports: readonly TallyInput[], exonyms?: string[][]): StoredContext {
  const t = Tallies.empty();
  for (const r of reports) t.add(r);
  const mentions = t.eventMentions();
  return storedContext(assignContext([mentions], { exonyms: exonyms as [string, string][] | undefined }), mentions);
}

test('the stored context brought up to date batch by batch is the context made from every tally, and tells the same changed words', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-event-context-'));
  try {
    let patched = 0;
    let defaults = 0;
    for (const [seed, pool, exonyms, years] of [[1, 16, EXONYMS, true], [2, 3, undefined, false], [3, 10, EXONYMS, false], [4, 10, undefined, true], [5, 6, undefined, false]] as const) {
      const store = await openSqliteStore(join(dir, `s${seed}.db`));
      const all = corpus(seed, 160, pool, years);
      const ex = exonyms?.map((r) => [...r]);
      let at = 0;
      let before: StoredContext | null = null;
      const next = mulberry32(seed * 7);
      while (at < all.length) {
        const batch = all.slice(at, at + 1 + (next() % 12));
        const t = before === null ? Tallies.empty() : await Tallies.stored(store, batch);
        for (const r of batch) t.add(r);
        at += batch.length;
        const want = full(all.slice(0, at), ex);
        if (before !== null) {
          const got = await patchContext(before, { counted: t.countedMentions(), byKeys: (keys) => t.mentionsOf(store, keys) }, ex);
          assert.ok(got, `seed ${seed}: the context could not be brought up to date at ${at}`);
          assert.deepEqual(got.now, want, `seed ${seed}: the context at ${at} reports`);
          assert.deepEqual(changedWords(got.beforePart, got.nowPart), changedWords(before, want), `seed ${seed}: the words changed at ${at}`);
          patched++;
          if (want.def !== null) defaults++;
        }
        // As a build does: the entities' first mentions are topped up before the tallies are written.
        const mentions = await t.entityMentionRows(store, new Map());
        await store.putRows([...t.changes(), mentions]);
        before = want;
      }
      await store.close();
    }
    assert.ok(patched > 40 && defaults > 5, `${patched} contexts brought up to date, ${defaults} with a default event`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a context stored before its layout, or with other exonyms, is not brought up to date but made again', async () => {
  const reports = corpus(9, 20, 8);
  const before = full(reports.slice(0, 10));
  const t = Tallies.empty();
  for (const r of reports) t.add(r);
  const source = { counted: t.countedMentions(), byKeys: async () => t.eventMentions() };
  const { v: _v, ...old } = before;
  assert.equal(await patchContext(old, source, undefined), null);
  assert.equal(await patchContext(before, source, EXONYMS.map((r) => [...r])), null);
});

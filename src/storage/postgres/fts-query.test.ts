/** The search language as tsquery text, and the words and snippets the PostgreSQL index is built from. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../domain/errors.js';
import { SNIPPET_CLOSE as C, SNIPPET_OPEN as O } from '../snippet.js';
import { toPgQuery } from './fts-query.js';
import { documentVector, snippet, tokenize } from './text-index.js';

describe('PostgreSQL search queries', () => {
  const cases: Array<[string, string | null]> = [
    ['ferry', `'ferry'`],
    ['Ferry SANK', `('ferry' & 'sank')`],
    ['"ferry sank"', `('ferry' <-> 'sank')`],
    ['rescu*', `'rescu':*`],
    ['ferry NOT inquiry', `('ferry' & !'inquiry')`],
    ['ferry -inquiry', `('ferry' & !'inquiry')`],
    ['a OR b c', `('a' | ('b' & 'c'))`],
    ['(harvest OR landslide) AND NOT ferry', `(('harvest' | 'landslide') & !'ferry')`],
    ['title:inquiry', `'inquiry':A`],
    ['text:ferr*', `'ferr':*B`],
    ['title:"lost near"', `('lost':A <-> 'near':A)`],
    ['1,300', `('1' <-> '300')`],
    ['mountain-road', `('mountain' <-> 'road')`],
    ['Xocalí', `'xocali'`],
    ['NEAR(ferry sank, 1)', `('ferry' <1> 'sank' | 'sank' <1> 'ferry' | 'ferry' <2> 'sank' | 'sank' <2> 'ferry')`],
    ['—', null],
    ['ferry OR —', `'ferry'`],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)} as ${expected ?? 'nothing to match'}`, () => {
      assert.equal(toPgQuery(input).tsquery, expected);
    });
  }

  for (const q of ['"ferry sank', '(ferry', 'ferry AND', 'OR', 'ferry OR OR', '*', '', ')', 'NEAR(ferry', 'NEAR(ferry sank, x)', 'NEAR(ferry)', '^ferry']) {
    it(`refuses ${JSON.stringify(q)} with E_BAD_QUERY`, () => {
      assert.throws(() => toPgQuery(q), (e: unknown) => isAppError(e, 'E_BAD_QUERY') && /^Malformed search query: /.test(e.message));
    });
  }

  it('highlights the words searched for, leaving out negated and title-only ones', () => {
    assert.deepEqual(toPgQuery('ferry title:cawl NOT inquiry "coast guard"').highlight.map((p) => p.map((w) => w.lexeme)), [['ferry'], ['coast', 'guard']]);
  });
});

describe('PostgreSQL index words and snippets', () => {
  it('splits words as the SQLite tokenizer does: letters and digits, lower-cased, accents removed, ı kept', () => {
    assert.deepEqual(tokenize('Xocalí, Hocalı: 1,300 mountain-road É🗺️').map((t) => t.lexeme), ['xocali', 'hocalı', '1', '300', 'mountain', 'road', 'e']);
  });

  it('weighs title words A and text words B, with a gap between so no phrase spans both', () => {
    assert.equal(documentVector('Ferry lost', 'The ferry'), `'ferry':1A,132B 'lost':2A 'the':131B`);
  });

  it('marks matches and phrases in a window of the text, with an ellipsis where text is left out', () => {
    const text = `${'Quiet words here. '.repeat(10)}The coast guard reported 12 missing after the ferry sank near the pier. ${'More quiet words. '.repeat(10)}`;
    const s = snippet(text, [[{ lexeme: 'coast', prefix: false }, { lexeme: 'guard', prefix: false }], [{ lexeme: 'sa', prefix: true }]]);
    assert.ok(s.startsWith('…') && s.endsWith('…'), s);
    assert.ok(s.includes(`${O}coast guard${C} reported`), s);
    assert.ok(s.includes(`ferry ${O}sank${C}`), s);
  });

  it('gives the start of a short text unmarked when nothing in it matches', () => {
    assert.equal(snippet('Harvest notes.', [[{ lexeme: 'ferry', prefix: false }]]), 'Harvest notes.');
  });
});

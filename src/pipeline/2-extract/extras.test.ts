import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extractExtras } from './extras.js';
import { assertLinear } from './linear.case.js';

const MB = 1_000_000;

const REPORT = `Flood in the Korsk district leaves 41 dead

The river broke its banks near the town of Velmora on Tuesday, the Ministry of Water Resources said. Ambassador Lale Demir, a former judge, visited the OSCE mission in Velmora.[1]

Şenol Yılmazoğlu, a teacher from Ağcakənd, described the night. “The water came through the doors. We climbed onto the roof,” he said.

A Tarvos Red Crescent statement said 12 people were missing.^[2] “Teams are searching the riverbanks,” it added.

References
[1] Kessel, A. (2022). The Velmora Flood. Tarvos University Press.
`;

// Measured first, before the adversarial inputs below leave a large heap and odd shapes behind.
/** Reports to measure on: the extraction fixtures, and the shared seeds where the checkout has them. */
function corpus(mb: number): string[] {
  const dirs = ['../../../test/fixtures/extract/', '../../../../shared/seeds/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));
  const docs = dirs.filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(d + f, 'utf8')));
  const reports: string[] = [];
  for (let size = 0; size < mb * MB;) for (const d of docs) { reports.push(d); size += d.length; }
  return reports;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** A full garbage collection, so that each timed pass starts from a clean heap and pays only for its own garbage. */
function collect(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

test('costs well under half of a wink-nlp readDoc over the same text', (t) => {
  // EXTRAS_BENCH_MB=4 measures on more text; one MB keeps the test suite quick.
  const mb = Number(process.env.EXTRAS_BENCH_MB ?? 1);
  const reports = corpus(mb);
  const size = reports.reduce((n, r) => n + Buffer.byteLength(r), 0) / MB;
  const nlp = winkNLP(model);
  // A first pass over everything lets both be compiled before they are timed.
  for (const r of reports) { nlp.readDoc(r); extractExtras(r); }
  const wink: number[] = [];
  const ours: number[] = [];
  const gc = collect();
  for (let round = 0; round < 3; round++) {
    gc();
    let start = performance.now();
    for (const r of reports) nlp.readDoc(r);
    wink.push(performance.now() - start);
    gc();
    start = performance.now();
    for (const r of reports) extractExtras(r);
    ours.push(performance.now() - start);
  }
  const ratio = median(ours) / median(wink);
  t.diagnostic(`${size.toFixed(1)} MB in ${reports.length} reports: extractExtras ${(size / median(ours) * 1000).toFixed(1)} MB/s, wink readDoc ${(size / median(wink) * 1000).toFixed(2)} MB/s, cost ratio ${ratio.toFixed(3)}`);
  assert.ok(ratio < 0.5, `extractExtras cost ${ratio.toFixed(2)} of a readDoc`);
});

test('extracts the entities, quotes and citations of one report, every span exact', () => {
  const x = extractExtras(REPORT);
  for (const e of x.entities) assert.equal(REPORT.slice(e.span.start, e.span.end), e.text);
  assert.deepEqual(x.entities.map((e) => `${e.kind}:${e.text}`), [
    'place:Korsk', 'place:Velmora', 'organisation:Ministry of Water Resources', 'person:Lale Demir', 'organisation:OSCE',
    'place:Velmora', 'person:Şenol Yılmazoğlu', 'place:Ağcakənd', 'organisation:Tarvos Red Crescent',
  ]);
  assert.deepEqual(x.quotes.map((q) => [q.text, q.speaker?.text ?? null]), [
    ['The water came through the doors. We climbed onto the roof,', 'Şenol Yılmazoğlu'],
    ['Teams are searching the riverbanks,', 'A Tarvos Red Crescent statement'],
  ]);
  assert.deepEqual(x.citations.markers.map((m) => [m.label, m.entry]), [['1', 0], ['2', null]]);
  assert.equal(x.citations.entries[0]!.text, 'Kessel, A. (2022). The Velmora Flood. Tarvos University Press.');
});

test('the bibliography is not read for entities or quotes', () => {
  const x = extractExtras(REPORT);
  const notes = REPORT.indexOf('References');
  assert.ok(x.entities.every((e) => e.span.end < notes));
  assert.ok(x.quotes.every((q) => q.span.end < notes));
});

test('gives the same result for the same text', () => {
  assert.deepEqual(extractExtras(REPORT), extractExtras(REPORT));
});

// No rule may backtrack catastrophically: on each 1 MB input, time grows linearly (see assertLinear).
const INPUTS: [string, string][] = [
  ['100k capital letters separated by spaces', 'A '.repeat(100_000)],
  ['100k capitalised words joined by "of the"', 'Ministry of the '.repeat(MB / 16)],
  ['100k initials', 'A. '.repeat(100_000)],
  ['100k opening brackets', '['.repeat(100_000)],
  ['100k unclosed footnotes', '[1'.repeat(100_000)],
  ['100k carets and brackets', '^[12, 3'.repeat(MB / 7)],
  ['100k curly opening quotes', '“'.repeat(100_000)],
  ['100k curly closing quotes', '”'.repeat(100_000)],
  ['100k straight quotes', '"'.repeat(100_000)],
  ['100k apostrophes after words', "the victims' ".repeat(MB / 13)],
  ['100k single opening quotes', '‘a '.repeat(100_000)],
  ['100k superscripts', '¹'.repeat(100_000)],
  ['a single 1 MB line without spaces', 'X'.repeat(MB)],
  ['a single 1 MB line of report prose', 'Ambassador Lale Demir said in Velmora that “the Ministry of Water of Tarvos” had failed[1] '.repeat(MB / 90)],
  ['a 1 MB notes section', `Body.\nNotes\n${'[1] Kessel, A. (2022). The Flood.\n'.repeat(MB / 35)}`],
];

for (const [name, text] of INPUTS) {
  test(`takes time linear in the input on ${name}`, () => assertLinear(extractExtras, text));
}

/** Small invented reports for the store tests, with counts and dates whose spans are computed. */
import { createHash } from 'node:crypto';
import type { Count, DateMention, DocumentFormat, DocumentMeta, Extraction } from '../../domain/types.js';
import type { ReportInput, Store, StoreFactory } from '../store.js';

/** Run `fn` on a fresh store and always close it. */
export async function withStore(newStore: StoreFactory, fn: (store: Store) => Promise<void>): Promise<void> {
  const store = await newStore();
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

/** What a fixture report needs; everything else is derived. */
export interface FixtureSpec {
  path: string;
  text: string;
  meta?: DocumentMeta;
  format?: DocumentFormat;
  /** Raw bytes, when they should differ from the UTF-8 of the text. */
  bytes?: Uint8Array;
  pageStarts?: number[];
  counts?: Count[];
  dates?: DateMention[];
}

/** A complete report input: sha256 and id from the bytes, name from the path. */
export function report(spec: FixtureSpec): ReportInput {
  const original = spec.bytes ?? new TextEncoder().encode(spec.text);
  const sha256 = createHash('sha256').update(original).digest('hex');
  const doc = {
    id: sha256.slice(0, 16), sha256, path: spec.path, name: spec.path.split('/').pop()!,
    format: spec.format ?? 'txt', meta: spec.meta ?? {}, text: spec.text, byteLength: original.byteLength,
    ...(spec.pageStarts ? { pageStarts: spec.pageStarts } : {}),
  };
  const extraction: Extraction = { counts: spec.counts ?? [], dates: spec.dates ?? [] };
  return { doc, extraction, original };
}

/** The span of the first `quote` in `text` (at or after `from`); throws if absent, to keep fixtures honest. */
export function spanOf(text: string, quote: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`fixture: "${quote}" not in text`);
  return { start, end: start + quote.length };
}

/** A count of `quote` in `text`, with the sentence that holds it; fields overridable. */
export function count(text: string, quote: string, value: number, extra: Partial<Count> = {}): Count {
  const span = spanOf(text, quote);
  const dot = text.lastIndexOf('. ', span.start);
  const stop = text.indexOf('.', span.end);
  return {
    measure: 'killed', group: 'all', unit: 'people', subject: 'residents', min: value, max: value,
    approximate: false, attribution: null, span, quote,
    sentence: { start: dot < 0 ? 0 : dot + 2, end: stop < 0 ? text.length : stop + 1 }, ...extra,
  };
}

/** A date mention of `quote` in `text`. */
export function date(text: string, quote: string, value: string, relative?: boolean): DateMention {
  return { value, span: spanOf(text, quote), quote, ...(relative === undefined ? {} : { relative }) };
}

/** An invented flood report: two counts (one attributed) and a date. */
export function floodReport(path = 'reports/varenna-flood.txt', extra = ''): ReportInput {
  const text = `On 3 March 2021 the river Sella broke its banks at Lower Varenna. According to the regional council, 42 people were killed. Volunteers said more than 300 were injured.${extra}`;
  return report({
    path, text, meta: { title: 'Flood at Lower Varenna', publisher: 'Valley Courier', published: '2021-03-04' },
    counts: [
      count(text, '42 people', 42, { attribution: { text: 'According to the regional council', source: 'the regional council', span: spanOf(text, 'According to the regional council'), kind: 'official' } }),
      count(text, 'more than 300', 300, { measure: 'injured', max: null, approximate: true }),
    ],
    dates: [date(text, '3 March 2021', '2021-03-03')],
  });
}

/** An invented report numbered `i`, distinct bytes per (tag, i), with two counts and a date. */
export function numberedReport(tag: string, i: number): ReportInput {
  const text = `Bulletin ${tag}-${i}: at the Tamsel depot fire, ${i + 5} workers were evacuated and ${i % 7} were injured, the station said on 9 May 2019.`;
  return report({
    path: `bulk/${tag}/${i}.txt`, text, meta: { title: `Bulletin ${tag} ${i}`, publisher: i % 2 ? 'Tamsel Radio' : 'Depot Gazette' },
    counts: [
      count(text, `${i + 5} workers`, i + 5, { measure: 'displaced', subject: 'workers' }),
      count(text, `${i % 7} were injured`, i % 7, { measure: 'injured', subject: 'workers' }),
    ],
    dates: [date(text, '9 May 2019', '2019-05-09')],
  });
}

/** The extraction stage: counts, dates and attributions from a report's text, each with its span. */
import type { Attribution, Count, DateMention, Extraction, ExtractOptions, Measure, Span } from '../../domain/types.js';
import { AppError } from '../../domain/errors.js';
import { parseEdtf } from '../../nlp/edtf.js';
import { splitSentences } from '../../nlp/sentences.js';
import { tokenize } from '../../nlp/tokens.js';
import type { SentenceTokens } from '../../nlp/tokens.js';
import { tagSentence } from '../../nlp/wink.js';
import { findCounts } from './counts/counts.js';
import { resolveDefinite } from './counts/definite.js';
import { findDates } from './dates/find.js';
import type { DateContext } from './dates/find.js';
import { AttributionTracker } from './attribution/resolve.js';
import type { Found } from './attribution/patterns.js';
import { findQuotes } from './attribution/quotes.js';
import { bodyEnd } from './bodyEnd.js';
import { ListHeadings } from './counts/heading.js';
import { LineLabels } from './counts/label.js';
import type { LineLabel } from './counts/label.js';
import { ZERO_HINT } from './counts/zero.js';

// The cheap pre-filter: only sentences with a digit, a number word or a date word get the expensive work.
const NUMBERISH = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|dozen|dozens|scores)\b/i;
const DATEISH = /\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last|this|next|ago|earlier|later|previous|following|days?\b|until|till|Christmas|New Year)/i;

/** Extracts every count and date from `text`. Pure: the same text and options give the same result. */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const published = options.published ? parseEdtf(options.published) : undefined;
  if (options.published && !published) {
    throw new AppError('E_BAD_INPUT', `--published must be an EDTF date such as 2024-02-26, 2024-02 or 2024; got ${JSON.stringify(options.published)}`);
  }
  const end = bodyEnd(text);
  const sentences = splitSentences(text, 0, end);
  const tracker = new AttributionTracker(text, findQuotes(text, end));
  // Pass 1: speakers, in reading order, so pronouns and quotes can be resolved anywhere.
  const found: Found[][] = [];
  const carried: (Attribution | null)[] = [];
  for (const s of sentences) {
    carried.push(tracker.carried(s));
    const f = tracker.read(s);
    found.push(f);
    tracker.endSentence(s, f);
  }
  const ctx: DateContext = { published: published ?? undefined };
  const counts: Count[] = [];
  const dates: DateMention[] = [];
  const headings = new ListHeadings();
  const labels = new LineLabels();
  sentences.forEach((span, n) => {
    const s = text.slice(span.start, span.end);
    // Lists are pushed onto, not spread or mapped: empty and full ones then share one shape in
    // V8, whose optimised code is otherwise thrown away and rebuilt when the other kind first
    // comes by (see findCounts).
    const ds: DateMention[] = [];
    if (DATEISH.test(s)) findDates(text, span, ctx, ds);
    for (const d of ds) dates.push(d);
    const listMeasure = headings.next(s);
    const nextSpan = sentences[n + 1];
    const label = labels.next(s, nextSpan && nextSpan.end - nextSpan.start <= 80 ? text.slice(nextSpan.start, nextSpan.end) : undefined);
    const zeros = ZERO_HINT.test(s);
    if (!zeros && !NUMBERISH.test(s)) return;
    // The measure the sentence before last counted, for "a lower figure of 250,000".
    const last = counts.length ? counts[counts.length - 1]! : undefined;
    const previous = last && last.measure !== 'other' && n > 0 && last.sentence.start === sentences[n - 1]!.start ? last.measure : null;
    sentenceCounts(text, span, ds, tracker, found[n]!, carried[n]!, listMeasure, label ? { measure: label.measure, after: span.start + label.after } : null, previous, zeros, counts);
  });
  resolveDefinite(text, counts);
  return { counts, dates };
}

/** Appends the counts of one sentence to `counts` (a part's `partOf` indexes that list). */
function sentenceCounts(text: string, span: Span, ds: DateMention[], tracker: AttributionTracker, found: Found[], carried: ReturnType<AttributionTracker['carried']>, listMeasure: Measure | null, label: LineLabel | null, previous: Measure | null, zeros: boolean, counts: Count[]): void {
  const offset = counts.length;
  const tokens: SentenceTokens = tokenize(text, span.start, span.end);
  // wink-nlp tags the sentence only if a rule meets a word its lexicons do not know.
  tokens.tag = () => { tagSentence(text, span.start, span.end, tokens, false); };
  // Tokens inside a date are never numbers of people.
  const masked = new Set<number>();
  for (const { span: block } of ds) {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.end <= block.start) lo = mid + 1; else hi = mid;
    }
    for (let k = lo; k < tokens.length && tokens[k]!.start < block.end; k++) {
      // wink folds hedges into its spans ("about 150"); the hedge words stay readable.
      if (!/^(?:some|about|around|over|nearly|almost|more|than|at|least)$/i.test(tokens[k]!.text)) masked.add(tokens[k]!.start);
    }
  }
  for (const c of findCounts(tokens, text, (t) => masked.has(t.start), listMeasure, label, previous, zeros)) {
    const count: Count = {
      measure: c.measure, group: c.group, unit: c.unit, subject: c.subject,
      min: c.min, max: c.max, approximate: c.approximate,
      attribution: tracker.attributionFor(c.span, span, found, carried),
      span: c.span, quote: text.slice(c.span.start, c.span.end), sentence: span,
    };
    if (c.partOf !== undefined) count.partOf = offset + c.partOf;
    counts.push(count);
  }
}

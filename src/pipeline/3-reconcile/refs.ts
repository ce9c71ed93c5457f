/** Turns a report's extracted counts into references that carry their report and sentence core. */
import type { CountRef, ReportInput } from './types.js';
import { wordCore } from './sources/words.js';

/** One reference per count, in extraction order, each with its sentence trimmed to words. */
export function makeCountRefs(report: Pick<ReportInput, 'id' | 'text' | 'counts'>): CountRef[] {
  return report.counts.map((count, index) => ({
    doc: report.id,
    index,
    count,
    core: wordCore(report.text, count.sentence),
  }));
}

/** The text of a count's sentence. */
export function sentenceText(report: Pick<ReportInput, 'text'>, ref: CountRef): string {
  return report.text.slice(ref.count.sentence.start, ref.count.sentence.end);
}

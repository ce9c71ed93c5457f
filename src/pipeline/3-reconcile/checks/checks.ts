/** Every consistency check in one call. */
import type { SourceLookup } from '../sources/same-source.js';
import type { CheckResult, EventCount } from '../types.js';
import { subgroupExceedsTotal, subgroupsExceedTotal } from './breakdowns.js';
import { contradictions } from './contradictions.js';
import { jointVsParts } from './joint.js';

export { subgroupExceedsTotal, subgroupsExceedTotal } from './breakdowns.js';
export { contradictions } from './contradictions.js';
export { jointVsParts } from './joint.js';

/**
 * Runs all checks. Each works within one report (so a new report needs only its own checks),
 * except joint-vs-parts across reports of one source, which needs `sources`.
 */
export function runChecks(counts: readonly EventCount[], options: { sources?: SourceLookup; tolerance?: number } = {}): CheckResult[] {
  return [
    ...subgroupExceedsTotal(counts),
    ...subgroupsExceedTotal(counts),
    ...jointVsParts(counts, options.sources),
    ...contradictions(counts, options.tolerance),
  ];
}

/** Checks on a review that need more than storage knows: a corrected date must be EDTF we can place. */
import { AppError } from '../domain/errors.js';
import { edtfRange } from '../pipeline/3-reconcile/index.js';

/** Throws E_BAD_INPUT unless `value` is an EDTF date or interval the timeline can place. */
export function checkEdtf(value: string): void {
  const range = edtfRange(value);
  if (range === null || (range.start === null && range.end === null)) {
    throw new AppError('E_BAD_INPUT', `A corrected date must be EDTF (2021-06-13, 2021-06, 202X, 2021-06-12/2021-06-14); got ${JSON.stringify(value)}`);
  }
}

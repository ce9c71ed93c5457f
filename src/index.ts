/** crosscheck's library entry point. */
export { extract } from './pipeline/2-extract/index.js';
export type * from './domain/types.js';
export { AppError, isAppError } from './domain/errors.js';

/**
 * Every request and response of the HTTP API, for the browser app to import. These files import
 * only each other and two type files that import nothing from node or the server
 * (`domain/types.ts` for spans, counts, dates and metadata; `storage/review-types.ts` for reviews
 * and audit entries), so the web build compiles against them alone and never
 * drifts from them. The server's code is type-checked against these shapes.
 */
export type * from './api/values.js';
export type * from './api/documents.js';
export type * from './api/record.js';
export type * from './api/review.js';

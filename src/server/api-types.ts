/**
 * Every request and response of the HTTP API, for the browser app to import. These files import
 * nothing but each other (not node, not the server, not the domain), so the web build compiles
 * against `api-types.ts` and `api/` alone. The server's code is type-checked against these shapes.
 */
export type * from './api/values.js';
export type * from './api/documents.js';
export type * from './api/record.js';
export type * from './api/review.js';

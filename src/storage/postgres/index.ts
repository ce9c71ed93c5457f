/** The PostgreSQL backend: one archive shared by a team, many writers at once. */
export { openPostgresStore, safeUrl } from './open.js';
export type { PostgresOptions } from './open.js';

/** The SQLite backend: the default, embedded store. */
export { openSqliteStore } from './open.js';
export type { SqliteOptions } from './open.js';

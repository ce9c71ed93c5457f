/**
 * Every PostgreSQL migration, in order. To change the schema: add `NNN_name.ts` next to this
 * file exporting `migration` with the next version number, and append it here. Never edit a
 * migration that has shipped: databases out there have already run it.
 */
import type { PgMigration } from './types.js';
import { migration as m001 } from './001_schema.js';
import { migration as m002 } from './002_jobs.js';
import { migration as m003 } from './003_record_links.js';
import { migration as m004 } from './004_page_indexes.js';

/** The schema, step by step. */
export const PG_MIGRATIONS: readonly PgMigration[] = [m001, m002, m003, m004];

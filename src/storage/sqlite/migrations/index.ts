/**
 * Every migration, in order. To change the schema: add `NNN_name.ts` next to this file
 * exporting `migration` with the next version number, and append it here. Never edit a
 * migration that has shipped: databases out there have already run it.
 */
import type { Migration } from './types.js';
import { migration as m001 } from './001_init.js';
import { migration as m002 } from './002_records.js';
import { migration as m003 } from './003_review.js';
import { migration as m004 } from './004_record_parts.js';
import { migration as m005 } from './005_rows.js';
import { migration as m006 } from './006_idempotency.js';
import { migration as m007 } from './007_derived_rowid.js';
import { migration as m008 } from './008_row_deflate.js';
import { migration as m009 } from './009_band_keys_later.js';
import { migration as m010 } from './010_record_links.js';
import { migration as m011 } from './011_page_indexes.js';

/** The schema, step by step. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011];

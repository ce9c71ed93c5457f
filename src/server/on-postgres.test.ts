/**
 * The API test files run again with every store on PostgreSQL: documents, search, the record
 * (figures, timeline, events, sources, checks), reviews and the audit log, curation, uploads, a read-only server, the timeline's filters,
 * exports and the fuzzing. Each store is a schema of its own in one database for this file.
 * Skipped, saying why, without CROSSCHECK_TEST_PG.
 */
import { after, describe, it } from 'node:test';
import { SKIP_PG, TestDatabase } from '../storage/postgres/test-db.case.js';
import { useBackend } from './fixtures.case.js';

/** The test files whose every store comes from `filledStore`, so they hold on either backend. */
const FILES = [
  './documents.test.js', './search.test.js', './record.test.js', './reviews.test.js', './curate.test.js', './curate-entities.test.js',
  './ingest.test.js', './exports.test.js', './paths.test.js', './wording.test.js', './fuzz.test.js', './read-only.test.js', './timeline-filters.test.js',
];

if (SKIP_PG) it('runs the API tests on a PostgreSQL server', { skip: SKIP_PG }, () => {});
else describe('on PostgreSQL', async () => {
  const db = await TestDatabase.create('api');
  after(() => db.drop());
  useBackend({ name: 'postgres', newStore: () => db.newStore() });
  // Imported after the switch, so their tests register in this suite and build their stores on PostgreSQL.
  for (const file of FILES) await import(file);
});

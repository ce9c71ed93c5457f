/** The one test suite every Store backend must pass: `runStoreTests({ name, newStore })`. */
import { describe } from 'node:test';
import type { StoreFactory } from './store.js';
import { extractionCases } from './cases/extraction.case.js';
import { listingCases } from './cases/listing.case.js';
import { reportCases } from './cases/reports.case.js';
import { searchCases } from './cases/search.case.js';
import { recordCases } from './cases/records.case.js';
import { reviewCases } from './cases/review.case.js';
import { rowCases } from './cases/rows.case.js';

/** A backend under test: its name and a factory for fresh, empty stores. */
export interface StoreSuite {
  name: string;
  newStore: StoreFactory;
}

/** Register the shared Store cases (each case opens its own store and closes it). */
export function runStoreTests({ name, newStore }: StoreSuite): void {
  describe(`Store contract: ${name}`, () => {
    describe('reports', () => reportCases(newStore));
    describe('extractions', () => extractionCases(newStore));
    describe('listing', () => listingCases(newStore));
    describe('search', () => searchCases(newStore));
    describe('records', () => recordCases(newStore));
    describe('derived parts, signatures and row sets', () => rowCases(newStore));
    describe('reviews, audit and tokens', () => reviewCases(newStore));
  });
}

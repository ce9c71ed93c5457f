/** The Store over a pool of PostgreSQL connections: every write one transaction, reads one statement each. */
import { AppError } from '../../domain/errors.js';
import type { Extraction, ReportDocument } from '../../domain/types.js';
import type {
  AddResult, BatchResult, DocumentPage, DocumentSummary, ListOptions, ReportInput, SearchOptions, SearchResult,
  Store, StoreStats, StoredDocument, StoredExtraction, StoredText, VersionEntry,
} from '../store.js';
import type {
  AuditEntry, AuditInput, AuditPage, AuditQuery, CreatedToken, Review, ReviewInput, ReviewPage, ReviewQuery,
  ReviewResult, TokenInfo, TokenOwner,
} from '../review-types.js';
import type { Change, Derived, DerivedQuery, RowQuery, SourceCandidate, SourceSignature, StoredDerived, StoredRow } from '../row-types.js';
import { appendAudit, listAudit } from './audit.js';
import type { Db, Queryable } from './db.js';
import { readParam } from './db.js';
import { markPaired, prepareDerived, writeDerived } from './derived.js';
import { isRetryable, toStoreError } from './errors.js';
import { prepareReader } from './read.js';
import { prepareRecords } from './records.js';
import { applyRowChanges, prepareRowReader } from './record-rows.js';
import { addReview, currentReviews, listReviews } from './review.js';
import { prepareSearch } from './search.js';
import { createToken, listTokens, revokeToken, verifyToken } from './tokens.js';
import { rewriteExtraction, writeReport } from './write.js';

/** Texts fetched per step of `allTexts`; small enough to keep memory flat. */
const TEXT_PAGE = 64;
/** Documents fetched per step of `allDerived` (no texts, so more at a time). */
const DERIVED_PAGE = 512;

/** What PostgresStore needs besides the pool. */
export interface PostgresStoreSettings {
  now: () => Date;
  rankCap?: number;
  readonly?: boolean;
}

/** A Store over an open, migrated PostgreSQL database. */
export class PostgresStore implements Store {
  private readonly reader: ReturnType<typeof prepareReader>;
  private readonly searcher: ReturnType<typeof prepareSearch>;
  private readonly records: ReturnType<typeof prepareRecords>;
  private readonly rows: ReturnType<typeof prepareRowReader>;
  private readonly derived: ReturnType<typeof prepareDerived>;

  constructor(private readonly db: Db, private readonly settings: PostgresStoreSettings) {
    this.reader = prepareReader(db);
    this.searcher = prepareSearch(db, settings.rankCap);
    this.records = prepareRecords(db);
    this.rows = prepareRowReader(db);
    this.derived = prepareDerived(db);
  }

  /** One report with all its rows, or nothing. */
  async addReport(doc: ReportDocument, extraction: Extraction, original: Uint8Array): Promise<AddResult> {
    return this.write(`report "${doc.path}"`, (c) => this.addOne(c, { doc, extraction, original }));
  }

  /** One transaction for the batch; each report in its own savepoint so a bad one fails alone. */
  async addReports(batch: readonly ReportInput[]): Promise<BatchResult[]> {
    return this.write(`a batch of ${batch.length} reports`, async (c) => {
      const out: BatchResult[] = [];
      for (const input of batch) {
        await c.query('SAVEPOINT report');
        try {
          out.push(await this.addOne(c, input));
          await c.query('RELEASE SAVEPOINT report');
        } catch (e) {
          await c.query('ROLLBACK TO SAVEPOINT report');
          if (isRetryable(e)) throw e;
          const error = toStoreError(e, `report "${input.doc.path}"`);
          // Bad input fails one report; a failing database fails the batch.
          if (error.code === 'E_STORE') throw error;
          out.push({ status: 'failed', id: input.doc.id, path: input.doc.path, error });
        }
      }
      return out;
    });
  }

  async hasSha256(sha256: string): Promise<boolean> {
    this.assertOpen();
    return this.reader.hasSha256(sha256);
  }

  async resolveId(ref: string): Promise<string | null> {
    this.assertOpen();
    return this.reader.resolveId(ref);
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    this.assertOpen();
    return this.reader.getDocument(id);
  }

  async getOriginal(id: string): Promise<Uint8Array | null> {
    this.assertOpen();
    return this.reader.getOriginal(id);
  }

  async listDocuments(options?: ListOptions): Promise<DocumentPage> {
    this.assertOpen();
    return this.reader.listDocuments(options);
  }

  async getSummaries(ids: readonly string[]): Promise<DocumentSummary[]> {
    this.assertOpen();
    return ids.length ? this.reader.summaries(ids) : [];
  }

  async listVersions(path: string): Promise<VersionEntry[]> {
    this.assertOpen();
    return this.reader.listVersions(path);
  }

  async getExtraction(id: string): Promise<Extraction | null> {
    this.assertOpen();
    return this.reader.getExtraction(id);
  }

  /** Swap a document's extraction for a new one, atomically. */
  async replaceExtraction(id: string, extraction: Extraction): Promise<void> {
    return this.write(`the extraction of ${id}`, async (c) => {
      const seq = await seqOf(c, id);
      await rewriteExtraction(c, seq, extraction, `the extraction of ${id}`);
    });
  }

  /** Pages through texts by row number: no cursor is held while the caller writes. */
  async *allTexts(): AsyncIterable<StoredText> {
    let after = 0;
    for (;;) {
      this.assertOpen();
      const page = await this.reader.textsAfter(after, TEXT_PAGE);
      for (const { seq, ...text } of page) {
        after = seq;
        yield text;
      }
      if (page.length < TEXT_PAGE) return;
    }
  }

  async search(query: string, options?: SearchOptions): Promise<SearchResult> {
    this.assertOpen();
    return this.searcher(query, options);
  }

  async stats(): Promise<StoreStats> {
    this.assertOpen();
    return this.reader.stats();
  }

  async *allExtractions(): AsyncIterable<StoredExtraction> {
    let after = 0;
    for (;;) {
      this.assertOpen();
      const page = await this.records.page(after, TEXT_PAGE);
      yield* page.items;
      if (page.items.length < TEXT_PAGE) return;
      after = page.last;
    }
  }

  async getRecord<T = unknown>(key: string): Promise<T | null> {
    this.assertOpen();
    return this.records.get<T>(key);
  }

  async putRecords(records: Readonly<Record<string, unknown>>): Promise<void> {
    return this.write('reconciliation records', (c) => this.records.put(c, records, this.now()));
  }

  async putDerived(id: string, derived: Derived): Promise<void> {
    return this.write(`the derived data of ${id}`, async (c) => writeDerived(c, await seqOf(c, id), derived));
  }

  async *allDerived(parts: readonly string[], query: DerivedQuery = {}): AsyncIterable<StoredDerived> {
    const extraction = query.extraction !== false;
    if (query.ids !== undefined) {
      for (let i = 0; i < query.ids.length; i += DERIVED_PAGE) {
        this.assertOpen();
        yield* await this.derived.some(query.ids.slice(i, i + DERIVED_PAGE), parts, extraction);
      }
      return;
    }
    let after = query.after ?? 0;
    for (;;) {
      this.assertOpen();
      const page = await this.derived.page(after, DERIVED_PAGE, parts, extraction);
      yield* page.items;
      if (page.items.length < DERIVED_PAGE) return;
      after = page.last;
    }
  }

  async getParts(ids: readonly string[], parts: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
    this.assertOpen();
    return ids.length ? this.derived.parts(ids, parts) : new Map();
  }

  async underived(limit: number, after = 0): Promise<string[]> {
    this.assertOpen();
    return this.derived.underived(limit, after);
  }

  async unpaired(limit: number, upTo = Number.MAX_SAFE_INTEGER): Promise<string[]> {
    this.assertOpen();
    return this.derived.unpaired(limit, upTo);
  }

  async sourceCandidates(id: string, perBucket: number, max: number): Promise<SourceCandidate[]> {
    this.assertOpen();
    return this.derived.candidates(id, perBucket, max);
  }

  async sourceCandidateIds(ids: readonly string[], perBucket: number, max: number): Promise<Map<string, Array<{ id: string; shared: number }>>> {
    this.assertOpen();
    return this.derived.candidateIds(ids, perBucket, max);
  }

  async getSignatures(ids: readonly string[]): Promise<Map<string, SourceSignature>> {
    this.assertOpen();
    return ids.length ? this.derived.signatures(ids) : new Map();
  }

  async resetSources(changes: readonly Change[]): Promise<void> {
    return this.write('source pairs', async (c) => {
      await c.query('UPDATE signatures SET paired = false WHERE paired');
      await applyRowChanges(c, changes);
    });
  }

  async markPaired(ids: readonly string[], changes: readonly Change[]): Promise<void> {
    return this.write('source pairs', async (c) => {
      await applyRowChanges(c, changes);
      await markPaired(c, ids);
    });
  }

  async putRows(changes: readonly Change[]): Promise<void> {
    return this.write('reconciled rows', (c) => applyRowChanges(c, changes));
  }

  async getRows<T = unknown>(set: string, query?: RowQuery): Promise<Array<StoredRow<T>>> {
    this.assertOpen();
    return this.rows.get<T>(set, query);
  }

  async countRows(set: string, query?: RowQuery): Promise<number> {
    this.assertOpen();
    return this.rows.count(set, query);
  }

  async getLinks(set: string, groups?: readonly string[]): Promise<Array<[string, string]>> {
    this.assertOpen();
    return this.rows.links(set, groups);
  }

  async addReview(input: ReviewInput): Promise<ReviewResult> {
    return this.write('a review', (c) => addReview(c, input, this.now()));
  }

  async listReviews(query?: ReviewQuery): Promise<ReviewPage> {
    this.assertOpen();
    return listReviews(this.db, query);
  }

  async currentReviews(): Promise<Review[]> {
    this.assertOpen();
    return currentReviews(this.db);
  }

  async appendAudit(entry: AuditInput): Promise<AuditEntry> {
    return this.write('an audit entry', (c) => appendAudit(c, entry, this.now()));
  }

  async listAudit(query?: AuditQuery): Promise<AuditPage> {
    this.assertOpen();
    return listAudit(this.db, query);
  }

  async createToken(name: string, by = 'local'): Promise<CreatedToken> {
    return this.write('a token', (c) => createToken(c, name, by, this.now()));
  }

  async verifyToken(token: string): Promise<TokenOwner | null> {
    this.assertOpen();
    return verifyToken(this.db, token);
  }

  async listTokens(): Promise<TokenInfo[]> {
    this.assertOpen();
    return listTokens(this.db);
  }

  async revokeToken(id: number, by = 'local'): Promise<boolean> {
    return this.write(`token ${id}`, (c) => revokeToken(c, id, by, this.now()));
  }

  /** Release the pool; closing twice is harmless. */
  async close(): Promise<void> {
    await this.db.close();
  }

  /** Stores one report (and its derived data) inside the caller's transaction. */
  private async addOne(c: Queryable, input: ReportInput): Promise<AddResult> {
    const { result, seq } = await writeReport(c, input, this.now());
    if (seq !== undefined && input.derived !== undefined) await writeDerived(c, seq, input.derived);
    return result;
  }

  /** A write transaction; refused when the store is closed or opened read-only. */
  private async write<T>(what: string, fn: (c: Queryable) => Promise<T>): Promise<T> {
    this.assertOpen();
    if (this.settings.readonly) throw new AppError('E_STORE', `The store is open read-only; cannot write ${what}`);
    return this.db.tx(what, fn);
  }

  private assertOpen(): void {
    if (this.db.isClosed) throw new AppError('E_STORE', 'The store is closed');
  }

  private now(): string {
    return this.settings.now().toISOString();
  }
}

/** The row number of a document, inside a transaction; E_NOT_FOUND when there is none. */
async function seqOf(c: Queryable, id: string): Promise<number> {
  const seq = (await c.query<{ seq: number }>('SELECT seq FROM documents WHERE id = $1', [readParam(id)])).rows[0]?.seq;
  if (seq === undefined) throw new AppError('E_NOT_FOUND', `No stored document has the id ${id}`);
  return seq;
}

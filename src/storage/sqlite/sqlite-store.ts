/** The Store over one better-sqlite3 connection: async outside, synchronous transactions inside. */
import type { Database, Transaction } from 'better-sqlite3';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Extraction, ReportDocument } from '../../domain/types.js';
import type {
  AddResult, BatchResult, DocumentPage, DocumentSummary, ListOptions, ReportInput, SearchOptions, SearchResult,
  Store, StoreStats, StoredDocument, StoredExtraction, StoredText, VersionEntry,
} from '../store.js';
import type {
  AuditEntry, AuditInput, AuditPage, AuditQuery, CreatedToken, Review, ReviewInput, ReviewPage, ReviewQuery,
  ReviewResult, TokenInfo, TokenOwner,
} from '../review-types.js';
import { prepareAudit } from './audit.js';
import { prepareReviews } from './review.js';
import { prepareTokens } from './tokens.js';
import { retryBusy, isBusy, toStoreError } from './errors.js';
import type { RetryOptions } from './errors.js';
import { prepareReader } from './read.js';
import type { Reader } from './read.js';
import { prepareSearch } from './search.js';
import { prepareRecords } from './records.js';
import { prepareDerived } from './derived.js';
import { prepareRowWriter } from './record-rows.js';
import type { Change, Derived, DerivedQuery, RowQuery, SourceCandidate, SourceSignature, StoredDerived, StoredRow } from '../row-types.js';
import { prepareWriter, rewriteExtraction, writeReport } from './write.js';
import type { Writer } from './write.js';

/** Texts fetched per step of `allTexts`; small enough to keep memory flat. */
const TEXT_PAGE = 64;

/** Documents fetched per step of `allDerived` (no texts, so more at a time). */
const DERIVED_PAGE = 512;

/** What SqliteStore needs besides the connection. */
export interface SqliteStoreSettings {
  retry: RetryOptions;
  now: () => Date;
  rankCap?: number;
}

/** A Store over an open, migrated SQLite connection. */
export class SqliteStore implements Store {
  private readonly reader: Reader;
  private readonly writer: Writer;
  private readonly searcher: ReturnType<typeof prepareSearch>;
  private readonly records: ReturnType<typeof prepareRecords>;
  private readonly rows: ReturnType<typeof prepareRowWriter>;
  private readonly derived: ReturnType<typeof prepareDerived>;
  private readonly audit: ReturnType<typeof prepareAudit>;
  private readonly reviews: ReturnType<typeof prepareReviews>;
  private readonly tokens: ReturnType<typeof prepareTokens>;
  private readonly addOne: Transaction<(input: ReportInput) => AddResult>;
  private readonly addMany: Transaction<(inputs: readonly ReportInput[]) => BatchResult[]>;

  constructor(private readonly db: Database, private readonly settings: SqliteStoreSettings) {
    this.reader = prepareReader(db);
    this.writer = prepareWriter(db);
    this.searcher = prepareSearch(db, settings.rankCap);
    this.records = prepareRecords(db);
    this.rows = prepareRowWriter(db);
    this.derived = prepareDerived(db, this.rows);
    this.audit = prepareAudit(db);
    this.reviews = prepareReviews(db, this.audit);
    this.tokens = prepareTokens(db, this.audit);
    this.addOne = db.transaction((input: ReportInput) => {
      const result = writeReport(this.writer, input, this.now());
      if (result.status !== 'skipped' && input.derived !== undefined) this.derived.write(this.reader.seqOf(result.id)!, input.derived);
      return result;
    });
    // Called inside addMany, addOne runs as a SAVEPOINT: a bad report rolls back alone.
    this.addMany = db.transaction((inputs: readonly ReportInput[]) => inputs.map((input): BatchResult => {
      try {
        return this.addOne(input);
      } catch (e) {
        if (isBusy(e)) throw e;
        const error = toStoreError(e, `report "${input.doc.path}"`);
        // Bad input fails one report; a failing database (disk full, I/O) fails the batch.
        if (error.code === 'E_STORE') throw error;
        return { status: 'failed', id: input.doc.id, path: input.doc.path, error };
      }
    }));
  }

  /** Store one report with its extraction in one IMMEDIATE transaction. */
  async addReport(doc: ReportDocument, extraction: Extraction, original: Uint8Array): Promise<AddResult> {
    this.assertOpen();
    // IMMEDIATE takes the write lock at BEGIN, where busy_timeout applies; a deferred
    // transaction that reads first can fail at its first write without waiting.
    return retryBusy(`report "${doc.path}"`, () => this.addOne.immediate({ doc, extraction, original }), this.settings.retry);
  }

  /** One transaction for the batch; each report in its own savepoint so a bad one fails alone. */
  async addReports(batch: readonly ReportInput[]): Promise<BatchResult[]> {
    this.assertOpen();
    return retryBusy(`a batch of ${batch.length} reports`, () => this.addMany.immediate(batch), this.settings.retry);
  }

  /** True when these original bytes are stored. */
  async hasSha256(sha256: string): Promise<boolean> {
    return this.read(() => this.writer.idBySha.get(sha256) !== undefined);
  }

  /** Id, sha256, id prefix, name or path to an id. */
  async resolveId(ref: string): Promise<string | null> {
    return this.read(() => this.reader.resolveId(ref));
  }

  /** A document with its text, or null. */
  async getDocument(id: string): Promise<StoredDocument | null> {
    return this.read(() => this.reader.getDocument(id));
  }

  /** The original bytes, or null. */
  async getOriginal(id: string): Promise<Uint8Array | null> {
    return this.read(() => this.reader.getOriginal(id));
  }

  /** A page of documents. */
  async listDocuments(options?: ListOptions): Promise<DocumentPage> {
    return this.read(() => this.reader.listDocuments(options));
  }

  /** Listing items of some documents. */
  async getSummaries(ids: readonly string[]): Promise<DocumentSummary[]> {
    return ids.length ? this.read(() => this.reader.summaries(ids)) : [];
  }

  /** Every version of a path. */
  async listVersions(path: string): Promise<VersionEntry[]> {
    return this.read(() => this.reader.listVersions(path));
  }

  /** The stored extraction, or null. */
  async getExtraction(id: string): Promise<Extraction | null> {
    return this.read(() => this.reader.getExtraction(id));
  }

  /** Swap a document's extraction for a new one, atomically. */
  async replaceExtraction(id: string, extraction: Extraction): Promise<void> {
    this.assertOpen();
    const tx = this.db.transaction(() => {
      const seq = this.reader.seqOf(id);
      if (seq === undefined) throw new AppError('E_NOT_FOUND', `No stored document has the id ${id}`);
      rewriteExtraction(this.writer, seq, extraction);
    });
    return retryBusy(`the extraction of ${id}`, () => tx.immediate(), this.settings.retry);
  }

  /**
   * Pages through texts by row number rather than holding one cursor open: better-sqlite3
   * allows no other statement on a connection while a cursor iterates, and the caller
   * writes (replaceExtraction) between steps.
   */
  async *allTexts(): AsyncIterable<StoredText> {
    let after = 0;
    for (;;) {
      const page = await this.read(() => this.reader.textsAfter(after, TEXT_PAGE));
      for (const { seq, ...text } of page) {
        after = seq;
        yield text;
      }
      if (page.length < TEXT_PAGE) return;
    }
  }

  /** Full-text search, best first. */
  async search(query: string, options?: SearchOptions): Promise<SearchResult> {
    return this.read(() => this.searcher(query, options));
  }

  /** Sizes of what is stored. */
  async stats(): Promise<StoreStats> {
    return this.read(() => this.reader.stats());
  }

  /** Current documents with texts and extractions, paged like allTexts. */
  async *allExtractions(): AsyncIterable<StoredExtraction> {
    let after = 0;
    for (;;) {
      const page = await this.read(() => this.records.page(after, TEXT_PAGE));
      yield* page.items;
      if (page.items.length < TEXT_PAGE) return;
      after = page.last;
    }
  }

  /** A named record, or null. */
  async getRecord<T = unknown>(key: string): Promise<T | null> {
    return this.read(() => this.records.get<T>(key));
  }

  /** Writes named records in one transaction. */
  async putRecords(records: Readonly<Record<string, unknown>>): Promise<void> {
    this.assertOpen();
    return retryBusy('reconciliation records', () => this.records.put(records, this.now()), this.settings.retry);
  }

  /** Replace a document's derived data. */
  async putDerived(id: string, derived: Derived): Promise<void> {
    this.assertOpen();
    const ok = await retryBusy(`the derived data of ${id}`, () => this.derived.put(id, derived), this.settings.retry);
    if (!ok) throw new AppError('E_NOT_FOUND', `No stored document has the id ${id}`);
  }

  /** Current documents with extractions and parts, paged by row number (no cursor held across yields). */
  async *allDerived(parts: readonly string[], query: DerivedQuery = {}): AsyncIterable<StoredDerived> {
    const extraction = query.extraction !== false;
    if (query.ids !== undefined) {
      for (let i = 0; i < query.ids.length; i += DERIVED_PAGE) {
        const ids = query.ids.slice(i, i + DERIVED_PAGE);
        yield* await this.read(() => this.derived.some(ids, parts, extraction));
      }
      return;
    }
    let after = query.after ?? 0;
    for (;;) {
      const page = await this.read(() => this.derived.page(after, DERIVED_PAGE, parts, extraction));
      yield* page.items;
      if (page.items.length < DERIVED_PAGE) return;
      after = page.last;
    }
  }

  /** Named parts of some documents. */
  async getParts(ids: readonly string[], parts: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
    return this.read(() => this.derived.parts(ids, parts));
  }

  /** Current documents without derived data. */
  async underived(limit: number, after = 0): Promise<string[]> {
    return this.read(() => this.derived.underived(limit, after));
  }

  /** Documents not yet compared with earlier ones. */
  async unpaired(limit: number, upTo = Number.MAX_SAFE_INTEGER): Promise<string[]> {
    return this.read(() => this.derived.unpaired(limit, upTo));
  }

  /** Earlier documents sharing buckets with `id`, with their signatures. */
  async sourceCandidates(id: string, perBucket: number, max: number): Promise<SourceCandidate[]> {
    this.assertOpen();
    // A report's earlier reports are found once their band keys are indexed (in bulk: see bandKeyIndex).
    if (!this.db.readonly && this.read(() => this.derived.unindexed(id))) await retryBusy('the band-key index', () => this.derived.indexBands(), this.settings.retry);
    return this.read(() => this.derived.candidates(id, perBucket, max));
  }

  /** Candidates of several documents, their keys looked up in key order. */
  async sourceCandidateIds(ids: readonly string[], perBucket: number, max: number): Promise<Map<string, Array<{ id: string; shared: number }>>> {
    this.assertOpen();
    if (!this.db.readonly && this.read(() => ids.some((id) => this.derived.unindexed(id)))) await retryBusy('the band-key index', () => this.derived.indexBands(), this.settings.retry);
    return this.read(() => this.derived.candidateIds(ids, perBucket, max));
  }

  /** Signatures of some documents. */
  async getSignatures(ids: readonly string[]): Promise<Map<string, SourceSignature>> {
    return this.read(() => this.derived.signatures(ids));
  }

  /** Every document to be compared again. */
  async resetSources(changes: readonly Change[]): Promise<void> {
    this.assertOpen();
    return retryBusy('source pairs', () => this.derived.reset(changes), this.settings.retry);
  }

  /** Marks documents compared, with their pairs' row changes, in one transaction. */
  async markPaired(ids: readonly string[], changes: readonly Change[]): Promise<void> {
    this.assertOpen();
    return retryBusy('source pairs', () => this.derived.markPaired(ids, changes), this.settings.retry);
  }

  /** Row changes in one transaction. */
  async putRows(changes: readonly Change[]): Promise<void> {
    this.assertOpen();
    return retryBusy('reconciled rows', () => this.rows.put(changes), this.settings.retry);
  }

  /** Rows of a set. */
  async getRows<T = unknown>(set: string, query?: RowQuery): Promise<Array<StoredRow<T>>> {
    return this.read(() => this.rows.get<T>(set, query));
  }

  /** How many rows of a set match. */
  async countRows(set: string, query?: RowQuery): Promise<number> {
    return this.read(() => this.rows.count(set, query));
  }

  /** Links of a set. */
  async getLinks(set: string, groups?: readonly string[]): Promise<Array<[string, string]>> {
    return this.read(() => this.rows.links(set, groups));
  }

  /** Store a review and its audit entry in one transaction. */
  async addReview(input: ReviewInput): Promise<ReviewResult> {
    this.assertOpen();
    return retryBusy('a review', () => this.reviews.add(input, this.now()), this.settings.retry);
  }

  /** Reviews, oldest first. */
  async listReviews(query?: ReviewQuery): Promise<ReviewPage> {
    return this.read(() => this.reviews.list(query));
  }

  /** The latest review of every item. */
  async currentReviews(): Promise<Review[]> {
    return this.read(() => this.reviews.current());
  }

  /** Append to the audit log. */
  async appendAudit(entry: AuditInput): Promise<AuditEntry> {
    this.assertOpen();
    return retryBusy('an audit entry', () => this.audit.append(entry, this.now()), this.settings.retry);
  }

  /** The audit log, newest first. */
  async listAudit(query?: AuditQuery): Promise<AuditPage> {
    return this.read(() => this.audit.list(query));
  }

  /** Create a token (hash stored, secret returned once). */
  async createToken(name: string, by = 'local'): Promise<CreatedToken> {
    this.assertOpen();
    return retryBusy('a token', () => this.tokens.create(name, by, this.now()), this.settings.retry);
  }

  /** Who a token belongs to, or null. */
  async verifyToken(token: string): Promise<TokenOwner | null> {
    return this.read(() => this.tokens.verify(token));
  }

  /** Every token, without secrets. */
  async listTokens(): Promise<TokenInfo[]> {
    return this.read(() => this.tokens.list());
  }

  /** Revoke a token. */
  async revokeToken(id: number, by = 'local'): Promise<boolean> {
    this.assertOpen();
    return retryBusy(`token ${id}`, () => this.tokens.revoke(id, by, this.now()), this.settings.retry);
  }

  /** Close the connection; closing twice is harmless. */
  async close(): Promise<void> {
    if (!this.db.open) return;
    // Lets SQLite refresh its planner statistics where they have drifted (cheap, bounded).
    try {
      if (!this.db.readonly) this.db.pragma('optimize');
    } catch {
      // Another process holding the write lock only postpones the refresh to the next close.
    }
    this.db.close();
  }

  /** Run a read, turning unexpected failures into E_STORE. */
  private read<T>(fn: () => T): T {
    this.assertOpen();
    try {
      return fn();
    } catch (e) {
      if (isAppError(e)) throw e;
      throw new AppError('E_STORE', 'The database failed while reading', { cause: e });
    }
  }

  private assertOpen(): void {
    if (!this.db.open) throw new AppError('E_STORE', 'The store is closed');
  }

  private now(): string {
    return this.settings.now().toISOString();
  }
}

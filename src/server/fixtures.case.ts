/** Small invented reports for the API tests, ingested with the real extractor, and a server over them. */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DocumentMeta, ReportDocument } from '../domain/types.js';
import { extract } from '../pipeline/2-extract/index.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { Store } from '../storage/store.js';
import { buildServer } from './build.js';
import type { IngestLimits } from './context.js';
import { strictResponses } from './strict.case.js';

const WIRE = 'The Orlen dam above the town of Vessany gave way on 14 March 2022 after three days of rain. '
  + 'According to the regional governor, 37 people were killed and 120 were injured. '
  + 'Rescue teams were still searching the lower valley on Tuesday, and the river authority said the reservoir had been full since early March.';

/** The reports: a wire story, its reprint, a rival count, and one whose text is hostile markup. */
export const REPORTS: Array<{ path: string; text: string; meta: DocumentMeta; format?: ReportDocument['format'] }> = [
  { path: 'wire.txt', text: WIRE, meta: { title: 'Dam fails above Vessany', publisher: 'Lantern Wire', published: '2022-03-15' } },
  { path: 'reprint.txt', text: `VESSANY — ${WIRE} Schools in the valley stay closed this week.`, meta: { title: 'Vessany dam collapse', publisher: 'Valley Post', published: '2022-03-16' } },
  {
    path: 'monitor.txt',
    text: 'A local monitoring group said that at least 52 people died when the Orlen dam collapsed near Vessany on 14 March 2022. '
      + 'The group said 300 families were displaced from the lower valley.[1] '
      + '"We are still counting," said Mira Ostov, who leads the group.\n\nNotes\n[1] Basin Monitor field log, shelter lists.',
    meta: { title: 'Monitors count more dead at Vessany', publisher: 'Basin Monitor', published: '2022-03-20' },
  },
  {
    path: 'hostile.html',
    format: 'html',
    text: 'Report <script>alert(1)</script> from Vessany. <img src=x onerror=alert(1)> Officials said 40 people were killed in the Orlen dam collapse on 14 March 2022. '
      + 'See javascript:alert(1) and "quoted" \'text\' & more.',
    meta: { title: '<script>alert("title")</script>', publisher: 'Hostile <b>Gazette</b>', published: '2022-03-17', url: 'javascript:alert(1)' },
  },
];

/** A ReportDocument for `text`, its id and sha256 from the bytes. */
export function document(spec: (typeof REPORTS)[number]): { doc: ReportDocument; bytes: Uint8Array } {
  const bytes = new TextEncoder().encode(spec.text);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    doc: { id: sha256.slice(0, 16), sha256, path: spec.path, name: spec.path, format: spec.format ?? 'txt', meta: spec.meta, text: spec.text, byteLength: bytes.byteLength },
    bytes,
  };
}

/** Where the API tests keep their stores: a name for messages, and how to make a fresh, empty store. */
export interface TestBackend {
  name: string;
  newStore: () => Promise<Store>;
}

const SQLITE: TestBackend = { name: 'sqlite', newStore: () => openSqliteStore(':memory:') };
let backend: TestBackend = SQLITE;

/**
 * Makes every store this module builds from now on come from `next` (src/server/on-postgres.test.ts
 * runs the API test files again on PostgreSQL this way); the default is SQLite in memory.
 */
export function useBackend(next: TestBackend): void {
  backend = next;
}

/** A fresh store holding the reports, on the current backend; returns it with the ids by path. */
export async function filledStore(): Promise<{ store: Store; ids: Record<string, string> }> {
  const store = await backend.newStore();
  const ids: Record<string, string> = {};
  for (const spec of REPORTS) {
    const { doc, bytes } = document(spec);
    await store.addReport(doc, extract(doc.text, { published: doc.meta.published }), bytes);
    ids[spec.path] = doc.id;
  }
  return { store, ids };
}

/** How a test's server is built. */
export interface TestServerOptions {
  webRoot?: string;
  ingest?: Partial<IngestLimits>;
  /** Build it as `serve --read-only` does. */
  readOnly?: boolean;
}

/** What `testServer` gives a test. */
export interface TestServer {
  app: FastifyInstance;
  store: Store;
  ids: Record<string, string>;
  /** A valid token (named `tester`). */
  token: string;
  /** Responses that did not match their schema; `close()` fails the test when any did. */
  problems: string[];
  close: () => Promise<void>;
}

/** A server over a filled store, with a token and response-schema checking; `close()` closes both. */
export async function testServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const { store, ids } = await filledStore();
  const { token } = await store.createToken('tester', 'test');
  const app = buildServer({ store, webRoot: opts.webRoot, ingest: opts.ingest, readOnly: opts.readOnly });
  const problems = strictResponses(app);
  return {
    app, store, ids, token, problems,
    close: async () => {
      await app.close();
      await store.close();
      if (problems.length) throw new Error(`responses off their schema:\n${problems.join('\n')}`);
    },
  };
}

/** Runs `fn` on a fresh test server and always closes it. */
export async function withServer(fn: (s: TestServer) => Promise<void>, opts: TestServerOptions = {}): Promise<void> {
  const s = await testServer(opts);
  try {
    await fn(s);
  } finally {
    await s.close();
  }
}

/** Headers carrying the bearer token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

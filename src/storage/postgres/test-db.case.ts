/** A throwaway database for tests on the server in CROSSCHECK_TEST_PG: a schema per fresh store, all dropped at the end. */
import pg from 'pg';
import type { Store } from '../store.js';
import { openPostgresStore } from './open.js';
import type { PostgresOptions } from './open.js';

/** The server URL the tests use, or undefined. */
export const TEST_PG = process.env.CROSSCHECK_TEST_PG || undefined;

/** The skip reason when there is no server (node:test prints it). */
export const SKIP_PG: string | false = TEST_PG ? false
  : 'CROSSCHECK_TEST_PG is not set: no PostgreSQL server to test against (start one with scripts/pg-test-cluster.sh start DIR)';

/** The URL with another database name. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The URL with a search_path, so a store's tables go in their own schema. */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** A database of its own for one test file. */
export class TestDatabase {
  private schemas = 0;
  private constructor(readonly url: string, private readonly name: string) {}

  /** Creates a database named after the process, on the server at TEST_PG. */
  static async create(tag: string): Promise<TestDatabase> {
    const name = `crosscheck_${tag}_${process.pid}_${Date.now().toString(36)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const admin = new pg.Client({ connectionString: TEST_PG });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    } finally {
      await admin.end();
    }
    return new TestDatabase(withDatabase(TEST_PG!, name), name);
  }

  /** The URL of a new, empty schema in the database. */
  async newSchemaUrl(): Promise<string> {
    const schema = `s${++this.schemas}`;
    const c = new pg.Client({ connectionString: this.url });
    await c.connect();
    try {
      await c.query(`CREATE SCHEMA ${schema}`);
    } finally {
      await c.end();
    }
    return withSchema(this.url, schema);
  }

  /** A fresh, empty store in a schema of its own. */
  async newStore(opts: PostgresOptions = {}): Promise<Store> {
    return openPostgresStore(await this.newSchemaUrl(), opts);
  }

  /** Drops the database, whoever is still connected. */
  async drop(): Promise<void> {
    const admin = new pg.Client({ connectionString: TEST_PG });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(this.name)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}

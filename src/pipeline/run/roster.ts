/**
 * The current reports a build knows of, with their ingestion order. A first or full build, and
 * one after a report stopped being current, lists them all; a build that only adds reports or
 * applies reviews asks about the reports it meets (those it reads, the members of the groups
 * and incidents it rebuilds), so that it costs what it touches, not the archive.
 */
import type { Store } from '../../storage/store.js';

export class Roster {
  private readonly orders = new Map<string, number>();
  /** Ids asked about that are not current (superseded or unknown). */
  private readonly absent = new Set<string>();
  private listed: string[] | null = null;

  constructor(private readonly store: Store) {}

  /** A roster of every current report, in ingestion order. */
  static of(store: Store, reports: ReadonlyArray<{ id: string; order: number }>): Roster {
    const r = new Roster(store);
    r.note(reports);
    r.listed = reports.map((x) => x.id);
    return r;
  }

  /** True when every current report is known (listed). */
  get complete(): boolean {
    return this.listed !== null;
  }

  /** Records reports read elsewhere (they are current). */
  note(reports: Iterable<{ id: string; order: number }>): void {
    for (const r of reports) this.orders.set(r.id, r.order);
  }

  /** The current ones among `ids`, in ingestion order, each once. */
  async current(ids: Iterable<string>): Promise<string[]> {
    const wanted = [...new Set(ids)];
    if (this.listed === null) {
      const unknown = wanted.filter((id) => !this.orders.has(id) && !this.absent.has(id));
      for (let i = 0; i < unknown.length; i += 5000) {
        const slice = unknown.slice(i, i + 5000);
        const found = new Set<string>();
        for await (const x of this.store.allDerived([], { ids: slice, extraction: false })) { this.orders.set(x.id, x.order); found.add(x.id); }
        for (const id of slice) if (!found.has(id)) this.absent.add(id);
      }
    }
    return wanted.filter((id) => this.orders.has(id)).sort((a, b) => this.orders.get(a)! - this.orders.get(b)!);
  }

  /** Every current report in ingestion order (listing them when not yet listed). */
  async all(): Promise<readonly string[]> {
    if (this.listed === null) {
      const list: Array<{ id: string; order: number }> = [];
      for await (const x of this.store.allDerived([], { extraction: false })) list.push({ id: x.id, order: x.order });
      this.note(list);
      this.listed = list.map((x) => x.id);
    }
    return this.listed;
  }

  /** A known report's ingestion order (0 for one not known: ask `current` first). */
  orderOf(id: string): number {
    return this.orders.get(id) ?? 0;
  }

  /** True when the report is known to be current (listed, read, or asked about). */
  has(id: string): boolean {
    return this.orders.has(id);
  }
}

/**
 * The corpus's names as tallies, kept as rows and updated as reports arrive: every distinct
 * event mention and entity spelling with how often it is mentioned and where first, and each
 * spelling's first mentions. Assignment's corpus context and the entity clusters are computed
 * from these, so an incremental build reads no report but the new ones; a report no longer
 * current (a new version, a removal) has the tallies counted again from every report.
 *
 * A tally reproduces what the whole list of mentions gave: names are clustered by count, then
 * first position, and events labelled by the first mention of their key, both of which the
 * tally keeps.
 */
import type { Span } from '../../domain/types.js';
import type { RowChange, RowInput, Store } from '../../storage/store.js';
import type { EntityKind } from '../2-extract/entities/types.js';
import type { EventMention, TalliedMention } from '../3-reconcile/index.js';
import type { KeyLink, NameCount } from '../3-reconcile/entities/aliases.js';
import { foldName, spellingOf, typoKeyLinks } from '../3-reconcile/entities/aliases.js';
import { SETS } from './record.js';
import type { DerivedParts } from './derive.js';
import { entitiesOf } from './derive.js';

/** First mentions kept per spelling: the entity page lists this many per entity. */
export const FIRST_MENTIONS = 200;

/** What a report gives the tallies. */
export interface TallyInput {
  id: string;
  order: number;
  mentions: readonly EventMention[];
  entities: DerivedParts['entities'];
}

/** One tally row: an event mention (`m`, without where it is) or an entity spelling (`kind`). */
interface Tally {
  n: number;
  /** The first mention's report order and place among that report's mentions. */
  o: number;
  i: number;
  m?: Pick<EventMention, 'name' | 'key' | 'label' | 'tier' | 'comparison'>;
  kind?: EntityKind;
  /** An entity spelling's entity (the canonical name it was listed under) at the last build. */
  s?: string;
}

/** A spelling's mention as its first-mentions row keeps it. */
interface FirstMention {
  doc: string;
  span: Span;
  o: number;
  i: number;
}

const byFirst = (a: { o: number; i: number }, b: { o: number; i: number }) => a.o - b.o || a.i - b.i;

/**
 * How tally rows are laid out (BuildInfo.tallyLayout): from 2, each row is tagged with its kind
 * (`m`, `e`) and grouped by its name's folded key (an event mention without a name, by its key:
 * a year), so that a build reads the entity spellings without the event mentions, and a cluster's
 * mentions by its keys. Rows laid out before are read whole once and written again.
 */
export const TALLY_LAYOUT = 2;

/** A tally row's group: its name's folded key, as clustering folds it (a year's mention: the year). */
function groupOf(key: string, t: Tally): string {
  if (key[0] === 'e') return foldName(spellingOf(key.slice(2)));
  return t.m!.name === '' ? t.m!.key : foldName(spellingOf(t.m!.name));
}

/** An event mention's tally: the mention without where it is, with its count and first place (report order, position). */
export type MentionTally = TalliedMention & { n: number; o: number; i: number };

/** The tallies of the current reports, with what changed since they were read. */
export class Tallies {
  private readonly rows = new Map<string, Tally>();
  private readonly firsts = new Map<string, FirstMention[]>();
  private readonly dirty = new Set<string>();
  private readonly dirtyFirsts = new Set<string>();
  /** Mentions of stored spellings added by this build, to append to their stored lists. */
  private readonly pending = new Map<string, FirstMention[]>();
  /** Tally rows this build made (new names), and the typo links of each kind's names with what to write of them. */
  private readonly created = new Set<string>();
  private readonly typos = new Map<'m' | 'e', { links: KeyLink[]; change: RowChange }>();

  /** Whether every stored row was read (else the entity spellings and the event mentions the new reports make). */
  private whole = true;
  /** The folded keys of rows as stored (their groups), so that names are not folded again. */
  private readonly folds = new Map<string, string>();

  private constructor(private readonly fresh: boolean) {}

  /** A spelling's first mentions: those in memory (counted afresh or added), else as stored. */
  private async firstsOf(store: Store, texts: readonly string[]): Promise<void> {
    const missing = texts.filter((t) => !this.firsts.has(t));
    for (let i = 0; i < missing.length; i += 500) {
      for (const r of await store.getRows<FirstMention[]>(SETS.nameMentions, { keys: missing.slice(i, i + 500) })) this.firsts.set(r.key, r.data);
    }
  }

  /** Empty tallies, to count every report into (written whole). */
  static empty(): Tallies {
    return new Tallies(true);
  }

  /**
   * The stored tallies, to add new reports to (only the rows they change are written). With
   * `touching` (rows laid out as TALLY_LAYOUT), only the entity spellings and the event mentions
   * those reports make are read: the rest of the event mentions are read by their names' keys
   * (`mentionsOf`). Without, every row; `relayout` then writes them all in the current layout.
   */
  static async stored(store: Store, touching?: readonly TallyInput[], relayout = false): Promise<Tallies> {
    const t = new Tallies(false);
    if (touching === undefined) {
      for (const r of await store.getRows<Tally>(SETS.nameTally)) t.rows.set(r.key, r.data);
      if (relayout) for (const k of t.rows.keys()) t.dirty.add(k);
      return t;
    }
    t.whole = false;
    for (const r of await store.getRows<Tally>(SETS.nameTally, { tag: 'e' })) {
      t.rows.set(r.key, r.data);
      if (r.group !== null) t.folds.set(r.key, r.group);
    }
    const keys = [...new Set(touching.flatMap((r) => r.mentions.map(mentionKey)))];
    for (let i = 0; i < keys.length; i += 500) {
      for (const r of await store.getRows<Tally>(SETS.nameTally, { keys: keys.slice(i, i + 500) })) t.rows.set(r.key, r.data);
    }
    return t;
  }

  /** Whether every stored row is in memory (what `eventMentions` needs). */
  get complete(): boolean {
    return this.whole;
  }

  /** Counts a report in; reports are added in ingestion order, after every report already counted. */
  add(r: TallyInput): void {
    r.mentions.forEach((m, i) => {
      const key = mentionKey(m);
      const t = this.rows.get(key);
      if (t !== undefined) t.n++;
      else { this.rows.set(key, { n: 1, o: r.order, i, m: { name: m.name, key: m.key, label: m.label, tier: m.tier, comparison: m.comparison } }); this.created.add(key); }
      this.dirty.add(key);
    });
    r.entities.forEach((e, i) => {
      const key = `e\u0001${e.text}`;
      const t = this.rows.get(key);
      if (t !== undefined) t.n++;
      else { this.rows.set(key, { n: 1, o: r.order, i, kind: e.kind }); this.created.add(key); }
      this.dirty.add(key);
      // Stored spellings' lists are read when the build asks for them (see `entityMentionRows`), then topped up.
      if (this.fresh || t === undefined) {
        const list = this.firsts.get(e.text) ?? [];
        if (list.length === 0) this.firsts.set(e.text, list);
        if (list.length < FIRST_MENTIONS) {
          list.push({ doc: r.id, span: e.span, o: r.order, i });
          this.dirtyFirsts.add(e.text);
        }
      } else if (t.n <= FIRST_MENTIONS) {
        (this.pending.get(e.text) ?? this.pending.set(e.text, []).get(e.text)!).push({ doc: r.id, span: e.span, o: r.order, i });
        this.dirtyFirsts.add(e.text);
      }
    });
  }

  private sorted(kind: 'm' | 'e'): Array<[string, Tally]> {
    return [...this.rows].filter(([k]) => k[0] === kind).sort((a, b) => byFirst(a[1], b[1]));
  }

  /** The corpus's event mentions, each distinct one once with its count and first place, in the order first mentioned (what `assignContext` takes). */
  eventMentions(): MentionTally[] {
    if (!this.whole) throw new Error('the event mentions were not all read');
    return this.sorted('m').map(([, t]) => mentionOf(t));
  }

  /** The event mentions this build counted (new, or mentioned again), in the order first mentioned. */
  countedMentions(): MentionTally[] {
    return [...this.dirty].filter((k) => k[0] === 'm').map((k) => this.rows.get(k)!).sort(byFirst).map(mentionOf);
  }

  /** The event mentions whose names fold to these keys (a year's mention: its key), as stored with this build's counted in, in the order first mentioned. */
  async mentionsOf(store: Store, groups: readonly string[]): Promise<MentionTally[]> {
    const wanted = new Set(groups);
    const found = new Map<string, Tally>();
    if (!this.whole) {
      const list = [...wanted];
      for (let i = 0; i < list.length; i += 500) {
        for (const r of await store.getRows<Tally>(SETS.nameTally, { groups: list.slice(i, i + 500) })) if (r.key[0] === 'm') found.set(r.key, r.data);
      }
    }
    for (const [k, t] of this.rows) if (k[0] === 'm' && wanted.has(groupOf(k, t))) found.set(k, t);
    return [...found.values()].sort(byFirst).map(mentionOf);
  }

  /** A row's group: as stored, else made. */
  private foldOf(key: string, t: Tally): string {
    return this.folds.get(key) ?? groupOf(key, t);
  }

  /** The entity spellings (as written) of each folded key, every one in memory; `fresh`: the keys no stored spelling had. */
  entityKeys(): { byFold: Map<string, string[]>; fresh: Set<string> } {
    const byFold = new Map<string, string[]>();
    const old = new Set<string>();
    for (const [k, t] of this.rows) {
      if (k[0] !== 'e') continue;
      const fold = this.foldOf(k, t);
      const list = byFold.get(fold);
      if (list === undefined) byFold.set(fold, [k.slice(2)]);
      else list.push(k.slice(2));
      if (!this.created.has(k)) old.add(fold);
    }
    return { byFold, fresh: new Set([...byFold.keys()].filter((f) => !old.has(f))) };
  }

  /** The entity spellings (as written) this build counted. */
  countedEntities(): string[] {
    return [...this.dirty].filter((k) => k[0] === 'e').map((k) => k.slice(2));
  }

  /** An entity spelling's count and first place. */
  entityTally(text: string): { n: number; o: number; i: number } | undefined {
    return this.rows.get(`e\u0001${text}`);
  }

  /** Notes the typo links the new names brought, found without `typoLinks` (a context or clusters brought up to date), to be written with the tallies. */
  keepTypoLinks(kind: 'm' | 'e', found: readonly KeyLink[]): void {
    const links = oriented(found);
    this.typos.set(kind, { links, change: { set: SETS.nameLinks, rows: links.map((l) => linkRow(kind, l)) } });
  }

  /** Every entity spelling with its count, in the order first mentioned (what `clusterNames` takes). */
  entityNames(): NameCount[] {
    return this.sorted('e').map(([k, t]) => ({ name: k.slice(2), count: t.n }));
  }

  /** A tally row's name as clustering takes it ('' for an event mention without one). */
  private nameOf(key: string, t: Tally): string {
    return key[0] === 'm' ? t.m!.name : key.slice(2);
  }

  /**
   * The typo links among the folded keys of the event mentions' names (`m`) or of the entity
   * spellings (`e`), for `clusterNames`: kept as rows (`name-links`), so a build compares only
   * the keys its reports brought with the others, not every pair again. Counted afresh, or with
   * no links stored for these tallies (an archive from before), every key is compared.
   */
  async typoLinks(store: Store, kind: 'm' | 'e'): Promise<KeyLink[]> {
    const had = this.typos.get(kind);
    if (had !== undefined) return had.links;
    if (!this.whole && kind === 'm') throw new Error('the event mentions were not all read');
    const keys = new Set<string>();
    const old = new Set<string>();
    for (const [k, t] of this.rows) {
      if (k[0] !== kind) continue;
      const name = spellingOf(this.nameOf(k, t));
      if (name === '') continue;
      const key = foldName(name);
      keys.add(key);
      if (!this.created.has(k)) old.add(key);
    }
    const rows = this.fresh ? [] : await store.getRows<number>(SETS.nameLinks, { groups: [kind] });
    const ready = rows.some((r) => r.key === kind);
    let links: KeyLink[];
    let change: RowChange;
    const row = (l: KeyLink) => linkRow(kind, l);
    if (!ready) {
      links = oriented(typoKeyLinks(keys));
      change = { set: SETS.nameLinks, clear: { groups: [kind] }, rows: [{ key: kind, group: kind, data: 1 }, ...links.map(row)] };
    } else {
      const known: KeyLink[] = rows.filter((r) => r.key !== kind).map((r) => {
        const [, a, b] = r.key.split('\u0001') as [string, string, string];
        return [a, b, r.data] as const;
      });
      const fresh = new Set([...keys].filter((k) => !old.has(k)));
      links = oriented(typoKeyLinks(keys, {}, { links: known, fresh }));
      const stored = new Set(rows.map((r) => r.key));
      change = { set: SETS.nameLinks, rows: links.map(row).filter((r) => !stored.has(r.key)) };
    }
    this.typos.set(kind, { links, change });
    return links;
  }

  /**
   * The entity-mentions rows to write: each entity's kind and first mentions under its canonical
   * name (a spelling no cluster holds stays under itself). Afresh, every entity's; else those
   * whose spellings changed entity or gained first mentions, reading only their spellings' lists.
   */
  async entityMentionRows(store: Store, canonical: ReadonlyMap<string, string>, only?: readonly string[]): Promise<RowChange> {
    // Only some spellings (every spelling of the clusters made again): the rest keep their entities.
    const entities = only === undefined ? this.sorted('e') : only.map((text) => [`e\u0001${text}`, this.rows.get(`e\u0001${text}`)!] as [string, Tally]).sort((a, b) => byFirst(a[1], b[1]));
    const dirtySlots = new Set<string>();
    for (const [k, t] of entities) {
      const text = k.slice(2);
      const slot = canonical.get(text) ?? text;
      if (t.s !== slot) {
        if (t.s !== undefined) dirtySlots.add(t.s);
        dirtySlots.add(slot);
        t.s = slot;
        this.dirty.add(k);
      }
      if (this.dirtyFirsts.has(text)) dirtySlots.add(slot);
    }
    const wanted = entities.filter(([, t]) => this.fresh || dirtySlots.has(t.s!)).map(([k]) => k.slice(2));
    await this.firstsOf(store, wanted);
    for (const [text, more] of this.pending) {
      const list = this.firsts.get(text) ?? [];
      this.firsts.set(text, list);
      for (const m of more) if (list.length < FIRST_MENTIONS) list.push(m);
    }
    this.pending.clear();
    const slots = new Map<string, { kind: EntityKind; lists: FirstMention[][] }>();
    for (const [k, t] of entities) {
      if (!this.fresh && !dirtySlots.has(t.s!)) continue;
      let slot = slots.get(t.s!);
      if (slot === undefined) slots.set(t.s!, (slot = { kind: t.kind!, lists: [] }));
      slot.lists.push(this.firsts.get(k.slice(2)) ?? []);
    }
    const rows: RowInput[] = [...slots].map(([name, slot]) => {
      const all = slot.lists.length === 1 ? slot.lists[0]! : slot.lists.flat().sort(byFirst);
      return { key: name, data: { kind: slot.kind, mentions: all.slice(0, FIRST_MENTIONS).map((m) => ({ doc: m.doc, span: m.span })) } };
    });
    return { set: SETS.entityMentions, clear: this.fresh ? 'all' : { keys: [...dirtySlots] }, rows };
  }

  /** The row changes that store the tallies: all of them when counted afresh, else those the added reports changed. */
  changes(): RowChange[] {
    const names: RowInput[] = [...(this.fresh ? this.rows.keys() : this.dirty)].map((key) => {
      const data = this.rows.get(key)!;
      return { key, group: groupOf(key, data), tag: key[0], data };
    });
    const firsts: RowInput[] = [...(this.fresh ? this.firsts.keys() : this.dirtyFirsts)].map((key) => ({ key, data: this.firsts.get(key)! }));
    // Typo links found for these tallies; a kind whose names changed without them is searched whole next time.
    const links: RowChange[] = (['m', 'e'] as const).flatMap((kind) => {
      const t = this.typos.get(kind);
      if (t !== undefined) return [t.change];
      return this.fresh || [...this.created].some((k) => k[0] === kind) ? [{ set: SETS.nameLinks, clear: { groups: [kind] } }] : [];
    });
    return this.fresh
      ? [{ set: SETS.nameTally, clear: 'all', rows: names }, { set: SETS.nameMentions, clear: 'all', rows: firsts }, ...links]
      : [{ set: SETS.nameTally, rows: names }, { set: SETS.nameMentions, rows: firsts }, ...links];
  }
}

/** Links with each pair's keys in order (a < b), as their rows are keyed. */
const oriented = (l: readonly KeyLink[]): KeyLink[] => l.map(([a, b, d]) => (a < b ? [a, b, d] as const : [b, a, d] as const));

/** A typo link's name-links row. */
const linkRow = (kind: 'm' | 'e', [a, b, d]: KeyLink): RowInput => ({ key: `${kind}\u0001${a}\u0001${b}`, group: kind, data: d });

/** A mention's tally row key: everything of it but where it is. */
function mentionKey(m: EventMention): string {
  return `m\u0001${JSON.stringify([m.name, m.key, m.label, m.tier, m.comparison])}`;
}

function mentionOf(t: Tally): MentionTally {
  return { ...t.m!, quote: '', start: 0, end: 0, n: t.n, o: t.o, i: t.i };
}

/** Tallies counted afresh from every current report's stored mentions and entities (no extraction read). */
export async function talliesOfAll(store: Store): Promise<Tallies> {
  const t = Tallies.empty();
  for await (const x of store.allDerived(['mentions', 'entities'], { extraction: false })) {
    const p = x.parts as Partial<DerivedParts>;
    t.add({ id: x.id, order: x.order, mentions: p.mentions ?? [], entities: entitiesOf(x.parts.entities) });
  }
  return t;
}

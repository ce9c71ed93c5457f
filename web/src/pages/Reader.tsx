/**
 * The reader: a report's text with counts, dates, quotes, footnotes and names highlighted; click or
 * step (n / p) to an item to see what was extracted and review it.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { DocRef, Loaded } from '../components/common.tsx';
import { ItemPanel } from '../components/ItemPanel.tsx';
import { MetaForm } from '../components/MetaForm.tsx';
import { Writable } from '../components/Writable.tsx';
import type { Picked } from '../components/ItemPanel.tsx';
import { TextView } from '../components/TextView.tsx';
import { useResource } from '../data.ts';
import { Link } from '../router.tsx';
import { actionText, whoText } from '../audit.ts';
import { countValue, formatTimestamp, plural, safeHref } from '../format.ts';
import { LAYERS, segment, stops } from '../highlight.ts';
import { clearMatch, findMatch, rangeAt, showMatch } from '../find.ts';
import type { Layer, Mark } from '../highlight.ts';
import type { DocumentDetail, ReviewResponse } from '../types.ts';

/** Every highlight of a document, with ids that find the item again. */
function marksOf(d: DocumentDetail): Mark[] {
  return [
    ...d.counts.map((c) => ({ id: `count:${c.index}`, layer: 'count' as const, ...c.extracted.span })),
    ...d.dates.map((x) => ({ id: `date:${x.index}`, layer: 'date' as const, ...x.extracted.span })),
    ...d.quotes.map((q, i) => ({ id: `quote:${i}`, layer: 'quote' as const, ...q.span })),
    ...d.citations.map((c, i) => ({ id: `citation:${i}`, layer: 'citation' as const, ...c.span })),
    ...d.entities.map((e, i) => ({ id: `entity:${i}`, layer: 'entity' as const, ...e.span })),
  ];
}

function pick(d: DocumentDetail, id: string): Picked | null {
  const [kind, n] = id.split(':') as [Layer, string];
  const i = Number(n);
  switch (kind) {
    case 'count': return d.counts[i] ? { kind, it: d.counts[i]! } : null;
    case 'date': return d.dates[i] ? { kind, it: d.dates[i]! } : null;
    case 'quote': return d.quotes[i] ? { kind, it: d.quotes[i]! } : null;
    case 'citation': return d.citations[i] ? { kind, it: d.citations[i]! } : null;
    case 'entity': return d.entities[i] ? { kind, it: d.entities[i]! } : null;
  }
  return null;
}

/** Where the panel is a sheet over the text (as in styles.css). */
const SHEET_MEDIA = '(max-width: 900px)';

/** Scrolls `el` into the part of the screen the sheet (when the panel is one) and the header leave free. */
function revealAboveSheet(el: HTMLElement): void {
  const sheet = document.querySelector<HTMLElement>('.reader-side .sheet');
  if (!sheet || getComputedStyle(sheet).position !== 'fixed') return;
  const top = Math.max(0, document.querySelector('.top')?.getBoundingClientRect().bottom ?? 0);
  const bottom = sheet.getBoundingClientRect().top;
  const r = el.getBoundingClientRect();
  if (r.top >= top && r.bottom <= bottom) return;
  window.scrollBy({ top: r.top - (top + (bottom - top) / 3), behavior: 'instant' as ScrollBehavior });
}

const LAYER_NAMES: Record<Layer, string> = { count: 'counts', date: 'dates', quote: 'quotes', citation: 'footnotes', entity: 'names' };

function Meta({ d }: { d: DocumentDetail }) {
  const m = d.document.meta;
  const x = d.extractedMeta;
  /** What extraction said, beside a field a curator changed. */
  const was = (k: 'publisher' | 'author' | 'published') => (x && (x[k] ?? null) !== (m[k] ?? null)
    ? <span class="muted extracted"> (extracted: {x[k] ?? 'none'})</span> : null);
  const href = safeHref(m.url);
  const inferred = new Set(m.inferred ?? []);
  const field = (k: keyof typeof m, label: string) => {
    const v = m[k];
    if (v === undefined || k === 'inferred') return null;
    return <><dt>{label}</dt><dd>{String(v)}{inferred.has(k) && <span class="muted" title="read from the text, not stated as metadata"> (inferred)</span>}{(k === 'publisher' || k === 'author' || k === 'published') && was(k)}</dd></>;
  };
  /** A field the curator removed still shows what extraction had. */
  const removed = (k: 'publisher' | 'author' | 'published', label: string) => (m[k] === undefined && x?.[k] !== undefined
    ? <><dt>{label}</dt><dd class="muted">none{was(k)}</dd></> : null);
  return (
    <dl class="meta">
      {field('publisher', 'publisher') ?? removed('publisher', 'publisher')}
      {field('author', 'author') ?? removed('author', 'author')}
      {field('published', 'published') ?? removed('published', 'published')}
      {d.metaEdit && <><dt>edited</dt><dd class="meta-edited">by {whoText(d.metaEdit.by)} on {formatTimestamp(d.metaEdit.at)}: {d.metaEdit.reason}</dd></>}
      {m.url && <><dt>url</dt><dd class="break">{href ? <a href={href} rel="noopener noreferrer nofollow" target="_blank">{m.url}</a> : m.url}</dd></>}
      {field('language', 'language')}
      {d.fetched && <><dt>fetched</dt><dd class="break">{d.fetched.finalUrl}{d.fetched.finalUrl !== d.fetched.url && ` (asked for ${d.fetched.url})`} on {formatTimestamp(d.fetched.fetchedAt)}</dd></>}
      <dt>file</dt><dd class="break">{d.document.path} ({d.document.format}, {plural(d.document.byteLength, 'byte')}, version {d.document.version}{d.document.superseded ? ', superseded' : ''})</dd>
      <dt>sha256</dt><dd class="hash">{d.document.sha256}</dd>
      <dt>original</dt><dd><a href={`/api/documents/${encodeURIComponent(d.document.id)}/original`} download>download the bytes as ingested</a></dd>
    </dl>
  );
}

function ReaderBody({ d, reload, hash }: { d: DocumentDetail; reload: () => void; hash: string }) {
  const marks = useMemo(() => marksOf(d), [d]);
  const segments = useMemo(() => segment(d.document.text.length, marks, d.shared.map((s) => s.span)), [d, marks]);
  const order = useMemo(() => stops(marks), [marks]);
  const [visible, setVisible] = useState<Set<Layer>>(new Set(LAYERS));
  const [showShared, setShowShared] = useState(true);
  const [selected, setSelected] = useState<string | null>(null);
  const [saved, setSaved] = useState<ReviewResponse | null>(null);
  const [editing, setEditing] = useState(false);

  const focusMark = useCallback((id: string) => {
    setSelected(id);
    const m = marks.find((x) => x.id === id);
    const el = m && document.getElementById(`at-${m.start}`);
    if (!el) return;
    el.focus({ preventScroll: true });
    // At phone width the effect below places the words above the panel's sheet instead.
    if (!matchMedia(SHEET_MEDIA).matches) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [marks]);

  // On a phone the panel is a sheet over the lower screen: keep the selected words above it.
  useEffect(() => {
    if (!selected) return;
    const m = marks.find((x) => x.id === selected);
    const el = m && document.getElementById(`at-${m.start}`);
    if (el) revealAboveSheet(el);
  }, [selected, marks]);

  // A link to #at-OFFSET (from a figure's evidence) selects the item there.
  useEffect(() => {
    const at = /^at-(\d+)$/.exec(hash);
    if (!at) return;
    const m = order.find((x) => x.start === Number(at[1]));
    if (m) focusMark(m.id);
  }, [hash, order]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'Escape') { setSelected(null); return; }
      const dir = e.key === 'n' || e.key === 'j' ? 1 : e.key === 'p' || e.key === 'k' ? -1 : 0;
      if (!dir || !order.length) return;
      e.preventDefault();
      const cur = order.findIndex((m) => m.id === selected);
      const next = cur < 0 ? (dir > 0 ? 0 : order.length - 1) : (cur + dir + order.length) % order.length;
      focusMark(order[next]!.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [order, selected, focusMark]);

  const describe = useCallback((m: Mark) => {
    const p = pick(d, m.id);
    if (p?.kind === 'count') return `count: ${countValue(p.it.extracted)} ${p.it.extracted.measure}`;
    if (p?.kind === 'date') return `date: ${p.it.extracted.value}`;
    return m.layer;
  }, [d]);

  const picked = selected ? pick(d, selected) : null;
  const toggle = (l: Layer) => setVisible((v) => {
    const n = new Set(v);
    if (n.has(l)) n.delete(l); else n.add(l);
    return n;
  });
  const onSaved = (r: ReviewResponse) => { setSaved(r); reload(); };

  return (
    <div class="reader">
      <div class="reader-main">
        <div class="legend" aria-label="Highlights">
          {LAYERS.map((l) => (
            <label key={l} class={`legend-item hl-${l}`}><input type="checkbox" checked={visible.has(l)} onChange={() => toggle(l)} /> {LAYER_NAMES[l]}</label>
          ))}
          <label class="legend-item shared"><input type="checkbox" checked={showShared} onChange={() => setShowShared(!showShared)} /> shared with other reports</label>
          <span class="muted keys">Keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous count or date, <kbd>Enter</kbd> open, <kbd>Esc</kbd> close</span>
        </div>
        <TextView text={d.document.text} segments={segments} visible={visible} showShared={showShared} selected={selected} describe={describe} onPick={setSelected} />
      </div>
      <aside class="reader-side">
        {picked
          ? <div class="panel sheet" aria-live="polite"><button type="button" class="close" onClick={() => setSelected(null)} aria-label="Close">×</button><ItemPanel picked={picked} doc={d} onSaved={onSaved} /></div>
          : <p class="muted panel">Click a highlight, or press <kbd>n</kbd>, to see what was extracted and review it.</p>}
        {saved && (
          <div class="panel saved" role="status">
            <p>Saved: audit entry #{saved.audit.id} ({actionText(saved.audit.action)} by {whoText(saved.review.reviewer)}).</p>
            {saved.figures.map((f) => (
              <p key={f.id}>Now: {f.values.map((v) => v.phrase).join('; ')}</p>
            ))}
          </div>
        )}
        <div class="panel">
          <h3>Report</h3>
          <Meta d={d} />
          <Writable>{editing
            ? <MetaForm id={d.document.id} meta={d.document.meta} onCancel={() => setEditing(false)} onSaved={() => { setEditing(false); reload(); }} />
            : <button type="button" class="secondary edit-meta" onClick={() => setEditing(true)}>Edit publisher, author, date</button>}</Writable>
          <p>{plural(d.counts.length, 'count')} · {plural(d.dates.length, 'date')} · {plural(d.quotes.length, 'quote')} · {plural(d.entities.length, 'name')}</p>
        </div>
        <div class="panel">
          <h3>Source</h3>
          {d.sourceGroup === null ? <p class="muted">Superseded by a later version; not in the record.</p>
            : d.sourceGroup.documents.length <= 1 ? <p>{d.shared.length > 0 ? 'An independent source: it shares passages with other reports, but too little to be one source with them.' : 'An independent source: shares no passage with another report.'}</p>
            : <><p>One source with:</p><ul>{d.sourceGroup.documents.filter((x) => x !== d.document.id).map((x) => <li key={x}><DocRef id={x} docs={d.documents} /></li>)}</ul></>}
          {d.shared.length > 0 && <p>{plural(d.shared.length, "shared passage")} (<Link href="/sources">see them side by side</Link>).</p>}
        </div>
      </aside>
    </div>
  );
}


/** From a search: the match found in the text, highlighted and scrolled to; or why it is not there. */
function FindNote({ d, find, before }: { d: DocumentDetail; find: string; before: string }) {
  const at = useMemo(() => findMatch(d.document.text, find, before), [d, find, before]);
  useEffect(() => {
    const root = document.querySelector('.doc-text');
    const range = at >= 0 && root ? rangeAt(root, at, at + find.length) : null;
    if (range) showMatch(range);
    return clearMatch;
  }, [at, find]);
  return <p class="muted find-note" role="status">{at >= 0 ? <>The search match “{find}” is highlighted below.</> : <>“{find}” matched this report's title or metadata, not its text.</>}</p>;
}

/** The reader page. */
export function ReaderPage({ id, hash, find = '', before = '' }: { id: string; hash: string; find?: string; before?: string }) {
  const res = useResource<DocumentDetail>(`documents/${encodeURIComponent(id)}`);
  return (
    <Loaded res={res}>{(d) => (
      <section>
        <header class="page-head">
          <h1>{d.document.meta.title ?? d.document.name}</h1>
          <p class="muted">{[d.document.meta.publisher, d.document.meta.published].filter(Boolean).join(', ')}</p>
        </header>
        {find && <FindNote d={d} find={find} before={before} />}
        <ReaderBody d={d} reload={res.reload} hash={hash} />
      </section>
    )}</Loaded>
  );
}

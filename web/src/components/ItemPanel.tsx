/** What was extracted at a highlight, its reviews, and the review form. */
import type { ComponentChildren } from 'preact';
import { actionText, correctionText, when, whoText } from '../audit.ts';
import { countValue } from '../format.ts';
import { Link } from '../router.tsx';
import type { CitationItem, CountItem, DateItem, DocumentDetail, EntityMention, QuoteItem, Review, ReviewResponse } from '../types.ts';
import { ReviewForm } from './ReviewForm.tsx';
import { Writable } from './Writable.tsx';

function Row({ k, children }: { k: string; children: ComponentChildren }) {
  return <><dt>{k}</dt><dd>{children}</dd></>;
}

/** "page 3" for an offset in a PDF's text; null for other formats. */
export function pageOf(doc: DocumentDetail, offset: number): number | null {
  const starts = doc.document.pageStarts;
  if (!starts?.length) return null;
  let page = 1;
  starts.forEach((s, i) => { if (s <= offset) page = i + 1; });
  return page;
}

function Reviews({ reviews }: { reviews: Review[] }) {
  if (!reviews.length) return null;
  return (
    <div>
      <h4>Reviews</h4>
      <ol class="reviews">{reviews.map((r) => (
        <li key={r.id}><strong>{actionText(`review.${r.action}`)}</strong>{r.corrected && <> as {correctionText(r.corrected)}</>} by {whoText(r.reviewer)}, {when(r.createdAt)}: {r.reason}</li>
      ))}</ol>
    </div>
  );
}

/** The frame both reviewable kinds share: status, words, page, the kind's own rows, reviews, the form. */
function Reviewable({ it, kind, doc, onSaved, children }: {
  it: CountItem | DateItem; kind: 'count' | 'date'; doc: DocumentDetail; onSaved: (r: ReviewResponse) => void; children: ComponentChildren;
}) {
  const x = it.extracted;
  const page = pageOf(doc, x.span.start);
  const target = kind === 'count' ? { kind, item: (it as CountItem).extracted } as const : { kind, item: (it as DateItem).extracted } as const;
  return (
    <>
      <h3>{kind === 'count' ? 'Count' : 'Date'} <span class={`badge status-${it.status}`}>{it.status}</span></h3>
      <dl>
        <Row k="words">“{x.quote}”</Row>
        {page !== null && <Row k="page">{page}</Row>}
        {children}
      </dl>
      <Reviews reviews={it.reviews} />
      <Writable note="reviews are made"><ReviewForm key={it.key} documentId={doc.document.id} target={target} onSaved={onSaved} /></Writable>
    </>
  );
}

function CountView({ it, doc, onSaved }: { it: CountItem; doc: DocumentDetail; onSaved: (r: ReviewResponse) => void }) {
  const c = it.extracted;
  return (
    <Reviewable it={it} kind="count" doc={doc} onSaved={onSaved}>
      <Row k="value">{countValue(c)}</Row>
      <Row k="measure">{c.measure}</Row>
      <Row k="group">{c.group}</Row>
      <Row k="unit">{c.unit}</Row>
      {c.subject && <Row k="subject">{c.subject}</Row>}
      <Row k="attribution">{c.attribution ? `${c.attribution.source}${c.attribution.kind ? ` (${c.attribution.kind} data)` : ''} — “${c.attribution.text}”` : 'none: the report’s own voice'}</Row>
      {c.partOf !== undefined && <Row k="part of">“{doc.counts[c.partOf]?.extracted.quote ?? '?'}”</Row>}
      {it.value && it.status === 'corrected' && <Row k="as corrected">{countValue(it.value)} {it.value.measure}, {it.value.group}</Row>}
      {it.figureId && <Row k="figure"><Link href={`/figures/${encodeURIComponent(it.figureId)}`}>see every report's figure</Link></Row>}
    </Reviewable>
  );
}

function DateView({ it, doc, onSaved }: { it: DateItem; doc: DocumentDetail; onSaved: (r: ReviewResponse) => void }) {
  const d = it.extracted;
  return (
    <Reviewable it={it} kind="date" doc={doc} onSaved={onSaved}>
      <Row k="EDTF"><code>{d.value}</code>{d.relative ? ' (relative to the report’s date)' : ''}</Row>
      {it.value && it.status === 'corrected' && <Row k="as corrected"><code>{it.value.value}</code></Row>}
    </Reviewable>
  );
}

/** The selected item, whatever its kind. */
export type Picked =
  | { kind: 'count'; it: CountItem }
  | { kind: 'date'; it: DateItem }
  | { kind: 'quote'; it: QuoteItem }
  | { kind: 'citation'; it: CitationItem }
  | { kind: 'entity'; it: EntityMention };

/** The panel for the selected item. */
export function ItemPanel({ picked, doc, onSaved }: { picked: Picked; doc: DocumentDetail; onSaved: (r: ReviewResponse) => void }) {
  const text = doc.document.text;
  switch (picked.kind) {
    case 'count': return <CountView it={picked.it} doc={doc} onSaved={onSaved} />;
    case 'date': return <DateView it={picked.it} doc={doc} onSaved={onSaved} />;
    case 'quote': return (
      <>
        <h3>Quote</h3>
        <blockquote>{text.slice(picked.it.span.start, picked.it.span.end)}</blockquote>
        <p>Speaker: {picked.it.speaker ? picked.it.speaker.text : <span class="muted">not named</span>}</p>
      </>
    );
    case 'citation': return (
      <>
        <h3>Footnote [{picked.it.label}]</h3>
        <p>{picked.it.entry ? picked.it.entry.text : <span class="muted">No note carries this label.</span>}</p>
        {picked.it.counts.length > 0 && <p>Cited for: {picked.it.counts.map((i) => `“${doc.counts[i]?.extracted.quote ?? '?'}”`).join(', ')}</p>}
      </>
    );
    case 'entity': return (
      <>
        <h3>Name</h3>
        <p>“{picked.it.name}”{picked.it.canonical !== picked.it.name && <> — one spelling of <strong>{picked.it.canonical}</strong></>}</p>
        <p><Link href={`/entities?q=${encodeURIComponent(picked.it.canonical)}`}>All spellings</Link></p>
      </>
    );
  }
}

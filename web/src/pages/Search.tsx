/** Full-text search over the reports, with highlighted snippets. */
import { useEffect, useState } from 'preact/hooks';
import { Loaded, PageHead } from '../components/common.tsx';
import { useResource } from '../data.ts';
import { Link, navigate } from '../router.tsx';
import type { SearchHit, SearchResponse } from '../types.ts';

/** The reader at the hit's first match: its words and the words before them, to find the right occurrence. */
function matchHref(h: SearchHit): string {
  const i = h.snippet.findIndex((p) => p.match);
  const base = `/documents/${encodeURIComponent(h.documentId)}`;
  if (i < 0) return base;
  const q = new URLSearchParams({ find: h.snippet[i]!.text });
  const before = i > 0 ? h.snippet[i - 1]!.text.slice(-40) : '';
  if (before) q.set('before', before);
  return `${base}?${q.toString()}`;
}

/** The search page; the query lives in `?q=` so a search can be linked to. */
export function SearchPage({ q }: { q: string }) {
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const res = useResource<SearchResponse>(q ? 'search' : null, { q, limit: 50 });
  const submit = (e: Event) => {
    e.preventDefault();
    navigate(`/search?q=${encodeURIComponent(draft.trim())}`);
  };
  return (
    <section>
      <PageHead title="Search" sub={'Words, "exact phrases", prefix*, AND / OR / NOT, title:word.'} />
      <form class="search" role="search" onSubmit={submit}>
        <input type="search" name="q" aria-label="Search the reports" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} placeholder='e.g. "official data"' />
        <button type="submit">Search</button>
      </form>
      {q && (
        <Loaded res={res}>{(r) => (
          <>
            <p class="muted">{r.items.length === 0 ? 'No report matches.' : `${r.items.length} best ${r.items.length === 1 ? 'match' : 'matches'}${r.capped ? ' (among the most recent of many)' : ''}.`}</p>
            <ol class="hits">{r.items.map((h) => (
              <li key={h.documentId}>
                <Link href={matchHref(h)}>{h.title ?? h.name}</Link>
                <p class="snippet">{h.snippet.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}</p>
              </li>
            ))}</ol>
          </>
        )}</Loaded>
      )}
    </section>
  );
}

/** Every stored report with its metadata; a filter and pages. */
import { useState } from 'preact/hooks';
import { Loaded, PageHead } from '../components/common.tsx';
import { Pager } from '../components/Pager.tsx';
import { useResource } from '../data.ts';
import { plural } from '../format.ts';
import { Link } from '../router.tsx';
import type { DocumentList } from '../types.ts';

const PAGE = 50;

/** The documents page. */
export function DocumentsPage() {
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const res = useResource<DocumentList>('documents', { q: q.trim() || undefined, limit: PAGE, offset });
  return (
    <section>
      <PageHead title="Reports" sub={res.data && <>{plural(res.data.total, 'report')} · <Link href="/add">add reports</Link></>} />
      <label class="filter">Filter <input type="search" value={q} onInput={(e) => { setQ(e.currentTarget.value); setOffset(0); }} placeholder="title, file name or path" /></label>
      <Loaded res={res}>{(list) => (
        <>
          <table class="docs">
            <thead><tr><th scope="col">Title</th><th scope="col">Publisher</th><th scope="col">Published</th><th scope="col">Format</th><th scope="col">Counts</th><th scope="col">Dates</th></tr></thead>
            <tbody>{list.items.map((d) => (
              <tr key={d.id}>
                <td><Link href={`/documents/${encodeURIComponent(d.id)}`}>{d.meta.title ?? d.name}</Link></td>
                <td>{d.meta.publisher ?? ''}</td><td>{d.meta.published ?? ''}</td><td>{d.format}</td><td>{d.counts}</td><td>{d.dates}</td>
              </tr>
            ))}</tbody>
          </table>
          {list.total > PAGE && (
            <Pager offset={offset} shown={list.items.length} total={list.total} size={PAGE} onChange={setOffset} />
          )}
        </>
      )}</Loaded>
    </section>
  );
}

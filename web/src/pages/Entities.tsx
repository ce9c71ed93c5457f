/** People, organisations and places with their spellings, and why spellings were joined. */
import { useState } from 'preact/hooks';
import { Loaded, PageHead } from '../components/common.tsx';
import { useMore } from '../components/More.tsx';
import { useResource } from '../data.ts';
import { plural } from '../format.ts';
import type { EntityList } from '../types.ts';

/** The entities page; `?q=` filters by any spelling. */
export function EntitiesPage({ q: initial }: { q: string }) {
  const res = useResource<EntityList>('entities');
  const [q, setQ] = useState(initial);
  const [shown, more] = useMore();
  const want = q.trim().toLowerCase();
  return (
    <Loaded res={res}>{(list) => {
      const items = want ? list.items.filter((e) => e.names.some((n) => n.name.toLowerCase().includes(want))) : list.items;
      return (
        <section>
          <PageHead title="Entities" sub={`${plural(list.items.length, 'name')} after joining spellings and transliterations.`} />
          <label class="filter">Filter <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} placeholder="any spelling" /></label>
          <table class="entities">
            <thead><tr><th scope="col">Name</th><th scope="col">Spellings (mentions)</th><th scope="col">Joined because</th></tr></thead>
            <tbody>{items.slice(0, shown).map((e) => (
              <tr key={e.canonical}>
                <th scope="row">{e.canonical}</th>
                <td>{e.names.map((n) => `${n.name} (${n.count})`).join(', ')}</td>
                <td class="small">{e.links.map((l, i) => <div key={i}>{l.a} ↔ {l.b}: {l.why}{l.distance !== undefined ? ` (${l.distance})` : ''}</div>)}</td>
              </tr>
            ))}</tbody>
          </table>
          {more(items.length)}
        </section>
      );
    }}</Loaded>
  );
}

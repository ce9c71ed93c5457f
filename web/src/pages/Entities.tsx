/** People, organisations and places with their spellings, and why spellings were joined; curators merge and split them. */
import { useState } from 'preact/hooks';
import { Loaded, PageHead } from '../components/common.tsx';
import { ENTITY_NAMES_LIST, EntityForm } from '../components/EntityForm.tsx';
import { useMore } from '../components/More.tsx';
import { Writable } from '../components/Writable.tsx';
import { useResource } from '../data.ts';
import { entityDecisionText, whoText } from '../audit.ts';
import { formatTimestamp, plural } from '../format.ts';
import type { EntityDecisionResponse, EntityList } from '../types.ts';

/** The entities page; `?q=` filters by any spelling. */
export function EntitiesPage({ q: initial }: { q: string }) {
  const res = useResource<EntityList>('entities');
  const [q, setQ] = useState(initial);
  const [shown, more] = useMore();
  const [saved, setSaved] = useState<EntityDecisionResponse | null>(null);
  const onSaved = (r: EntityDecisionResponse) => { setSaved(r); res.reload(); };
  const want = q.trim().toLowerCase();
  return (
    <Loaded res={res}>{(list) => {
      const items = want ? list.items.filter((e) => e.names.some((n) => n.name.toLowerCase().includes(want))) : list.items;
      return (
        <section>
          <PageHead title="Entities" sub={`${plural(list.items.length, 'name')} after joining spellings and transliterations.`} />
          {saved && <p class="panel saved" role="status">Saved: audit entry #{saved.audit.id} ({entityDecisionText(saved.decision)}); “{saved.entity.canonical}” has {plural(saved.entity.names.length, 'spelling')} now.</p>}
          <label class="filter">Filter <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} placeholder="any spelling" /></label>
          <table class="entities">
            <thead><tr><th scope="col">Name</th><th scope="col">Spellings (mentions)</th><th scope="col">Joined because</th></tr></thead>
            <tbody>{items.slice(0, shown).map((e) => (
              <tr key={e.canonical}>
                <th scope="row">{e.canonical}</th>
                <td>{e.names.map((n) => `${n.name} (${n.count})`).join(', ')}
                  <Writable><EntityForm entity={e} onSaved={onSaved} /></Writable></td>
                <td class="small">{e.links.map((l, i) => <div key={i}>{l.a} ↔ {l.b}: {l.why}{l.distance !== undefined ? ` (${l.distance})` : ''}</div>)}</td>
              </tr>
            ))}</tbody>
          </table>
          {more(items.length)}
          {/* The names a merge may name, offered as the curator types; the server checks the one sent. */}
          <datalist id={ENTITY_NAMES_LIST}>{list.items.slice(0, 5000).map((e) => <option key={e.canonical} value={e.canonical} />)}</datalist>
          {list.decisions.length > 0 && (<>
            <h2>Decided by a curator</h2>
            <p class="muted">Applied in the order made: a later decision undoes an earlier one.</p>
            <ul class="decisions">{list.decisions.map((d, i) => (
              <li key={i} class={`decision decision-${d.decision}`}>{entityDecisionText(d)}
                <span class="muted"> (by {whoText(d.by)} on {formatTimestamp(d.at)}: {d.reason})</span></li>
            ))}</ul>
          </>)}
        </section>
      );
    }}</Loaded>
  );
}

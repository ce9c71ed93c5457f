/** Consistency checks across the record: breakdowns against totals, joint figures against parts, contradictions. */
import { Loaded, PageHead } from '../components/common.tsx';
import { CheckCard } from '../components/checks.tsx';
import { useResource } from '../data.ts';
import { plural } from '../format.ts';
import type { CheckList } from '../types.ts';

/** The checks page: problems first. */
export function ChecksPage() {
  const res = useResource<CheckList>('checks');
  return (
    <Loaded res={res}>{(c) => {
      const items = [...c.items].sort((a, b) => (a.status === b.status ? 0 : a.status === 'problem' ? -1 : 1));
      return (
        <section>
          <PageHead title="Checks" sub={`${plural(c.items.filter((x) => x.status === 'problem').length, 'problem')}, ${plural(c.items.filter((x) => x.status === 'agrees').length, 'agreement')}.`} />
          {items.length === 0 ? <p class="muted">Nothing to check yet.</p> : <ul class="checks">{items.map((x, i) => <CheckCard key={i} c={x} docs={c.documents} />)}</ul>}
        </section>
      );
    }}</Loaded>
  );
}

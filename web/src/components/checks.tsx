/** A consistency finding with the counts it involves. */
import { countValue } from '../format.ts';
import type { CheckView, DocumentLabels } from '../types.ts';
import { DocRef } from './common.tsx';

/** One check: status, reason, and each count with a link to where it stands. */
export function CheckCard({ c, docs }: { c: CheckView; docs: DocumentLabels }) {
  return (
    <li class={`check check-${c.status}`}>
      <span class={`badge check-${c.status}`}>{c.status === 'problem' ? 'problem' : 'agrees'}</span>{' '}
      <strong>{c.kind.replace(/-/g, ' ')}</strong>: {c.reason}
      <ul>
        {c.counts.map((r, i) => (
          <li key={i}>
            “{r.count.quote}” ({countValue(r.count)} {r.count.measure}{r.count.group !== 'all' ? `, ${r.count.group}` : ''}) in{' '}
            <DocRef id={r.doc} docs={docs} hash={`at-${r.count.span.start}`} />
          </li>
        ))}
      </ul>
    </li>
  );
}

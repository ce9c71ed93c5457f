/** Previous / next buttons over a paged listing, with where the page stands. */
export function Pager({ offset, shown, total, size, onChange, labels = ['Previous', 'Next'] }: {
  offset: number; shown: number; total: number; size: number; onChange: (offset: number) => void; labels?: [string, string];
}) {
  return (
    <nav class="pager">
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - size))}>{labels[0]}</button>
      <span class="muted">{offset + 1}–{offset + shown} of {total}</span>
      <button type="button" disabled={offset + size >= total} onClick={() => onChange(offset + size)}>{labels[1]}</button>
    </nav>
  );
}

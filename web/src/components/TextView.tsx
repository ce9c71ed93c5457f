/** A report's text with its highlights. Every piece of the text is a text node: nothing in it is read as HTML. */
import { memo } from 'preact/compat';
import type { Layer, Mark, Segment } from '../highlight.ts';

interface Props {
  text: string;
  segments: Segment[];
  /** Layers switched on in the legend. */
  visible: ReadonlySet<Layer>;
  /** Mark passages shared with other reports. */
  showShared: boolean;
  selected: string | null;
  /** Describes a mark for screen readers ("count: 613 killed"). */
  describe: (m: Mark) => string;
  onPick: (id: string) => void;
}

/** Draws segments as runs; the first run of each count or date is a keyboard stop. */
export const TextView = memo(function TextView({ text, segments, visible, showShared, selected, describe, onPick }: Props) {
  const seen = new Set<string>();
  return (
    <div class="doc-text" lang="">
      {segments.map((s) => {
        const piece = text.slice(s.start, s.end);
        const marks = s.marks.filter((m) => visible.has(m.layer));
        const shared = s.shared && showShared;
        const sharedCls = shared ? ' shared' : '';
        if (marks.length === 0) return shared ? <span class="shared" key={s.start}>{piece}</span> : piece;
        const top = marks[0]!;
        const first = !seen.has(top.id);
        seen.add(top.id);
        const stop = first && (top.layer === 'count' || top.layer === 'date');
        const cls = `hl ${marks.map((m) => `hl-${m.layer}`).join(' ')}${sharedCls}${marks.some((m) => m.id === selected) ? ' selected' : ''}`;
        return (
          <mark
            key={s.start}
            class={cls}
            id={stop ? `at-${top.start}` : undefined}
            data-mark={top.id}
            tabIndex={stop ? 0 : undefined}
            role={stop ? 'button' : undefined}
            aria-label={stop ? describe(top) : undefined}
            onClick={() => onPick(top.id)}
            onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(top.id); } }}
          >{piece}</mark>
        );
      })}
    </div>
  );
});

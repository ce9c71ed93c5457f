/** Long lists drawn a page at a time: the first items, and a button for the next ones. */
import { useState } from 'preact/hooks';
import { plural } from '../format.ts';

/** How many of a list to draw, and the button that draws more. */
export function useMore(step = 300): [number, (total: number) => preact.JSX.Element | null] {
  const [shown, setShown] = useState(step);
  const button = (total: number) => (total > shown
    ? <p><button type="button" class="more" onClick={() => setShown(shown + step)}>Show {Math.min(step, total - shown)} more</button> <span class="muted">({plural(total - shown, 'more')} in all)</span></p>
    : null);
  return [shown, button];
}

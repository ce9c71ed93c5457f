/** A small history router: paths map to pages; links navigate without reloading. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Goes to `href` (a path with an optional query and hash) inside the app. */
export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  for (const l of listeners) l();
  if (!replace && !href.includes('#')) window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => { for (const l of listeners) l(); });

/** The current location, re-rendering on navigation. */
export function useLocation(): { path: string; query: URLSearchParams; hash: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((t) => t + 1);
    listeners.add(l);
    return () => { listeners.delete(l); };
  }, []);
  return { path: location.pathname, query: new URLSearchParams(location.search), hash: location.hash.slice(1) };
}

/** An in-app link: a real `<a href>` (open in a new tab works), navigated without a reload. */
export function Link(props: { href: string; children: ComponentChildren; class?: string; title?: string } & Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const { href, children, ...rest } = props;
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a {...rest} href={href} onClick={onClick}>{children}</a>;
}

/** Matches `/figures/:id` against a path; returns the decoded parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.replace(/\/+$/, '').split('/');
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) {
      try { out[p[i]!.slice(1)] = decodeURIComponent(s[i]!); } catch { return null; }
    } else if (p[i] !== s[i]) return null;
  }
  return out;
}

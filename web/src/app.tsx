/** The shell: navigation and the page for the current path. */
import { useEffect } from 'preact/hooks';
import { PageHead } from './components/common.tsx';
import { ReadOnlyNote, Writable } from './components/Writable.tsx';
import { AddPage } from './pages/Add.tsx';
import { AuditPage } from './pages/Audit.tsx';
import { ChecksPage } from './pages/Checks.tsx';
import { DocumentsPage } from './pages/Documents.tsx';
import { EntitiesPage } from './pages/Entities.tsx';
import { FigurePage } from './pages/Figure.tsx';
import { Overview } from './pages/Overview.tsx';
import { ReaderPage } from './pages/Reader.tsx';
import { SearchPage } from './pages/Search.tsx';
import { SourcesPage } from './pages/Sources.tsx';
import { TimelinePage } from './pages/Timeline.tsx';
import { Link, match, useLocation } from './router.tsx';
import { useReadOnly } from './server-meta.ts';

const NAV: Array<[string, string]> = [
  ['/', 'Overview'], ['/documents', 'Reports'], ['/timeline', 'Timeline'], ['/entities', 'Entities'],
  ['/sources', 'Sources'], ['/checks', 'Checks'], ['/search', 'Search'], ['/audit', 'Audit log'], ['/add', 'Add reports'],
];

/** The page for a path, and its title. */
function route(path: string, query: URLSearchParams, hash: string) {
  let p: Record<string, string> | null;
  if (path === '/' || path === '') return { title: 'Overview', page: <Overview query={query} /> };
  if ((p = match('/figures/:id', path))) return { title: 'Figure', page: <FigurePage key={p.id} id={p.id!} query={query} /> };
  if ((p = match('/documents/:id', path))) return { title: 'Reader', page: <ReaderPage key={p.id} id={p.id!} hash={hash} find={query.get('find') ?? ''} before={query.get('before') ?? ''} /> };
  if (match('/documents', path)) return { title: 'Reports', page: <DocumentsPage /> };
  if (match('/timeline', path)) return { title: 'Timeline', page: <TimelinePage query={query} /> };
  if (match('/entities', path)) return { title: 'Entities', page: <EntitiesPage q={query.get('q') ?? ''} /> };
  if (match('/sources', path)) return { title: 'Sources', page: <SourcesPage /> };
  if (match('/checks', path)) return { title: 'Checks', page: <ChecksPage /> };
  if (match('/search', path)) return { title: 'Search', page: <SearchPage q={query.get('q') ?? ''} /> };
  if (match('/add', path)) {
    const elsewhere = <section><PageHead title="Add reports" /><ReadOnlyNote what="reports are added" /></section>;
    return { title: 'Add reports', page: <Writable fallback={elsewhere}><AddPage /></Writable> };
  }
  if (match('/audit', path)) return { title: 'Audit log', page: <AuditPage /> };
  return { title: 'Not found', page: <section><PageHead title="Not found" sub="Nothing is at this address." /><Link href="/">Back to the overview</Link></section> };
}

/** The app. */
export function App() {
  const { path, query, hash } = useLocation();
  const { title, page } = route(path, query, hash);
  const readOnly = useReadOnly();
  useEffect(() => { document.title = `${title} · crosscheck`; }, [title]);
  // What sticks under the header (the timeline's axis) needs its height, which wraps at narrow widths.
  useEffect(() => {
    const top = document.querySelector<HTMLElement>('header.top');
    if (!top) return;
    // At phone width the header scrolls away (styles.css): then nothing is under it.
    const set = () => document.documentElement.style.setProperty('--top-h', getComputedStyle(top).position === 'sticky' ? `${top.getBoundingClientRect().height}px` : '0px');
    set();
    const ro = new ResizeObserver(set);
    ro.observe(top);
    window.addEventListener('resize', set);
    return () => { ro.disconnect(); window.removeEventListener('resize', set); };
  }, []);
  // A figure is one of the overview's: the overview is its menu entry.
  const active = (href: string) => (href === '/' ? path === '/' || path.startsWith('/figures/') : path === href || path.startsWith(`${href}/`));
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <Link href="/" class="brand">crosscheck</Link>
        <nav aria-label="Main">
          {NAV.filter(([href]) => !(readOnly && href === '/add')).map(([href, label]) => <Link key={href} href={href} class={active(href) ? 'active' : undefined} aria-current={active(href) ? 'page' : undefined}>{label}</Link>)}
        </nav>
        {readOnly && <span class="badge read-only" title="This server takes no writes: reviews, curation and new reports go to the server that does">read-only</span>}
        <span class="exports">
          Export: <a href="/api/export/figures.csv">CSV</a> · <a href="/api/export/figures.json">JSON</a> · <a href="/api/export/annotations.jsonld">annotations</a> · <a href="/api/export/report.html">report</a>
        </span>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}

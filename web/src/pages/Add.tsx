/** Adding reports without the terminal: upload files or folders (progress per file), or give a page's address. */
import { useRef, useState } from 'preact/hooks';
import { post, saveToken } from '../api.ts';
import { PageHead } from '../components/common.tsx';
import { NEED_TOKEN, TokenField, initialToken } from '../components/TokenField.tsx';
import { plural } from '../format.ts';
import { Link } from '../router.tsx';
import type { AddedReport } from '../types.ts';
import { droppedFiles, pickedFiles, uploadFile } from '../upload.ts';
import type { FoundFile } from '../upload.ts';

/** One file in the list: where it stands. */
interface Row {
  key: number;
  path: string;
  size: number | null;
  state: 'waiting' | 'sending' | 'added' | 'skipped' | 'refused' | 'passed';
  fraction: number;
  message: string;
  id?: string;
  title?: string;
}

const STATE_TEXT: Record<Row['state'], string> = {
  waiting: 'waiting', sending: 'sending', added: 'added', skipped: 'already there', refused: 'refused', passed: 'passed over',
};

let nextKey = 1;

function sizeText(n: number | null): string {
  if (n === null) return '';
  if (n < 1024) return plural(n, 'byte');
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function FileRow({ r }: { r: Row }) {
  return (
    <li class={`upload upload-${r.state}`} data-path={r.path}>
      <span class="upload-name">{r.id ? <Link href={`/documents/${encodeURIComponent(r.id)}`}>{r.title ?? r.path}</Link> : r.path}</span>
      <span class="muted"> {sizeText(r.size)}</span>
      {r.state === 'sending'
        ? <progress max={1} value={r.fraction} aria-label={`${r.path}: sending`}>{Math.round(r.fraction * 100)}%</progress>
        : <span class={`upload-state state-${r.state}`}> · {STATE_TEXT[r.state]}</span>}
      {r.message && <div class={r.state === 'refused' ? 'error upload-reason' : 'muted upload-reason'}>{r.message}</div>}
    </li>
  );
}

/** The page. */
export function AddPage() {
  const [token, setToken] = useState(initialToken());
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [url, setUrl] = useState('');
  const [fetching, setFetching] = useState(false);
  const [fetched, setFetched] = useState<{ ok: boolean; text: string; id?: string } | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  /** Lists the files, then sends them one after another. */
  const add = (found: FoundFile[]) => {
    setError(null);
    if (!token.trim()) { setError(NEED_TOKEN); return; }
    const t = token.trim();
    const fresh: Array<Row & { file: File | null }> = found.map((f) => ({
      key: nextKey++, path: f.path, size: f.file?.size ?? null, file: f.file,
      state: f.skip ? 'passed' : 'waiting', fraction: 0, message: f.skip ?? '',
    }));
    setRows((rs) => [...fresh.map(({ file: _f, ...r }) => r), ...rs]);
    for (const r of fresh) {
      if (!r.file) continue;
      const file = r.file;
      queue.current = queue.current.then(async () => {
        update(r.key, { state: 'sending' });
        const out = await uploadFile(file, r.path, t, (fraction) => update(r.key, { fraction }));
        if (!out.ok) { update(r.key, { state: 'refused', message: out.message }); return; }
        saveToken(t);
        const d = out.added.document;
        update(r.key, {
          state: out.added.status === 'skipped' ? 'skipped' : 'added', id: d.id, title: d.meta.title ?? undefined,
          message: out.added.status === 'skipped' ? out.added.reason ?? '' : `${plural(d.counts, 'count')}, ${plural(d.dates, 'date')}${out.added.status === 'new-version' ? ' · a new version of this path' : ''}`,
        });
      });
    }
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer) add(await droppedFiles(e.dataTransfer));
  };

  const onPick = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    if (input.files?.length) add(pickedFiles(input.files));
    input.value = '';
  };

  const onFetch = async (e: Event) => {
    e.preventDefault();
    setFetched(null);
    if (!token.trim()) { setFetched({ ok: false, text: NEED_TOKEN }); return; }
    if (!url.trim()) { setFetched({ ok: false, text: 'Give the page\'s address: http://… or https://…' }); return; }
    setFetching(true);
    try {
      const r = await post<AddedReport>('documents/fetch', { url: url.trim() }, token.trim());
      saveToken(token.trim());
      setFetched({ ok: true, id: r.document.id, text: r.status === 'skipped' ? `Already there: ${r.document.meta.title ?? r.document.name}` : `Added: ${r.document.meta.title ?? r.document.name} (${plural(r.document.counts, 'count')})` });
      setUrl('');
    } catch (err) {
      setFetched({ ok: false, text: (err as Error).message });
    } finally {
      setFetching(false);
    }
  };

  const done = rows.filter((r) => r.state === 'added').length;
  return (
    <section class="add">
      <PageHead title="Add reports" sub="Each report is kept byte for byte with its sha256; the same reasons refuse a file here as in `crosscheck ingest`." />
      <div class="panel">
        <TokenField value={token} onInput={setToken} />
      </div>
      <div class="panel">
        <h3>Files or a folder</h3>
        <div class={`dropzone${over ? ' over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
          <p>Drop report files or folders here (.txt, .md, .html, .pdf), or</p>
          <label class="button">choose files <input type="file" name="files" multiple accept=".txt,.md,.markdown,.html,.htm,.pdf" onChange={onPick} /></label>{' '}
          <label class="button">choose a folder <input type="file" name="folder" {...{ webkitdirectory: '' }} onChange={onPick} /></label>
        </div>
        {error && <p class="error" role="alert">{error}</p>}
        {rows.length > 0 && (
          <>
            <p role="status">{plural(done, 'report')} added of {plural(rows.length, 'file')}.</p>
            <ul class="uploads">{rows.map((r) => <FileRow key={r.key} r={r} />)}</ul>
          </>
        )}
      </div>
      <form class="panel" onSubmit={onFetch}>
        <h3>A page by its address</h3>
        <label>Address <input name="url" type="url" inputMode="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://example.org/news/report.html" /></label>
        <p class="muted">Fetched by the server (20 s at most, the ingest's size limit), kept with the address and the time. Addresses on the server's own machine or network are refused unless it was started with --allow-private.</p>
        <button type="submit" disabled={fetching}>{fetching ? 'Fetching…' : 'Fetch and add'}</button>
        {fetched && <p class={fetched.ok ? 'fetch-result' : 'error fetch-result'} role={fetched.ok ? 'status' : 'alert'}>
          {fetched.id ? <Link href={`/documents/${encodeURIComponent(fetched.id)}`}>{fetched.text}</Link> : fetched.text}
        </p>}
      </form>
    </section>
  );
}

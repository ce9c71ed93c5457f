/** Edit a report's publisher, author and published date, with a reason; needs a curator's token. */
import { useState } from 'preact/hooks';
import { apiUrl, RequestError, saveToken } from '../api.ts';
import type { DocumentMeta, MetaEditRequest, MetaEditResponse } from '../types.ts';
import { NEED_TOKEN, TokenField, initialToken } from './TokenField.tsx';

async function putMeta(id: string, body: MetaEditRequest, token: string): Promise<MetaEditResponse> {
  const res = await fetch(apiUrl(`documents/${encodeURIComponent(id)}/meta`), {
    method: 'PUT', headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
  });
  const data = (await res.json().catch(() => null)) as (MetaEditResponse & { code?: string; message?: string }) | null;
  if (!res.ok) throw new RequestError(res.status, data?.code ?? 'E_HTTP', data?.message ?? `The server answered ${res.status}`);
  return data!;
}

/** The form, filled with the metadata shown now; `onSaved` after the server took it. */
export function MetaForm({ id, meta, onSaved, onCancel }: { id: string; meta: DocumentMeta; onSaved: (r: MetaEditResponse) => void; onCancel: () => void }) {
  const [publisher, setPublisher] = useState(meta.publisher ?? '');
  const [author, setAuthor] = useState(meta.author ?? '');
  const [published, setPublished] = useState(meta.published ?? '');
  const [reason, setReason] = useState('');
  const [token, setToken] = useState(initialToken());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    if (!token.trim()) return setError(NEED_TOKEN);
    if (!reason.trim()) return setError('Say why: the reason goes into the audit log.');
    setBusy(true);
    try {
      const r = await putMeta(id, { publisher, author, published, reason: reason.trim() }, token.trim());
      saveToken(token.trim());
      onSaved(r);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="review meta-form" onSubmit={submit}>
      <fieldset>
        <legend>Edit the metadata</legend>
        <label>Publisher <input name="publisher" value={publisher} onInput={(e) => setPublisher(e.currentTarget.value)} /></label>
        <label>Author <input name="author" value={author} onInput={(e) => setAuthor(e.currentTarget.value)} /></label>
        <label>Published (EDTF) <input name="published" value={published} onInput={(e) => setPublished(e.currentTarget.value)} placeholder="1992-02-26" /></label>
        <label>Reason <textarea name="reason" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></label>
        <TokenField value={token} onInput={setToken} />
        <p class="muted">The extracted values are kept; an empty field means none. The change goes into the audit log.</p>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save metadata'}</button>{' '}
        <button type="button" class="secondary" onClick={onCancel}>Cancel</button>
      </fieldset>
    </form>
  );
}

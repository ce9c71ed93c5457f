/** Decide whether two reports that share text are one source or independent, with a reason; needs a curator's token. */
import { useState } from 'preact/hooks';
import { post, saveToken } from '../api.ts';
import type { SourceDecisionRequest, SourceDecisionResponse } from '../types.ts';
import { NEED_TOKEN, TokenField, initialToken } from './TokenField.tsx';
import { Writable } from './Writable.tsx';

/** The form for the pair `a`, `b`, on a server that takes writes; `onSaved` after the server took the decision and rebuilt the record. */
export function DecideForm(props: DecideProps) {
  return <Writable><DecideControls {...props} /></Writable>;
}

interface DecideProps { a: string; b: string; current?: 'same' | 'independent'; onSaved: (r: SourceDecisionResponse) => void }

function DecideControls({ a, b, current, onSaved }: DecideProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [token, setToken] = useState(initialToken());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) return <button type="button" class="secondary decide" onClick={() => setOpen(true)}>{current ? 'Change the decision' : 'Decide'}</button>;

  const send = async (decision: SourceDecisionRequest['decision']) => {
    setError(null);
    if (!token.trim()) return setError(NEED_TOKEN);
    if (!reason.trim()) return setError('Say why: the reason goes into the audit log.');
    setBusy(true);
    try {
      const r = await post<SourceDecisionResponse>('sources/decisions', { a, b, decision, reason: reason.trim() }, token.trim());
      saveToken(token.trim());
      setOpen(false);
      setReason('');
      onSaved(r);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="review decide-form" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Are these two reports one source?</legend>
        <label>Reason <textarea name="reason" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></label>
        <TokenField value={token} onInput={setToken} />
        {error && <p class="error" role="alert">{error}</p>}
        <button type="button" disabled={busy || current === 'same'} onClick={() => send('same')}>The same source</button>{' '}
        <button type="button" disabled={busy || current === 'independent'} onClick={() => send('independent')}>Independent</button>{' '}
        <button type="button" class="secondary" onClick={() => setOpen(false)}>Cancel</button>
      </fieldset>
    </form>
  );
}

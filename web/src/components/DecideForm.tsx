/** Decide whether two reports that share text are one source or independent, with a reason; needs a curator's token. */
import type { SourceDecisionRequest, SourceDecisionResponse } from '../types.ts';
import { TokenField } from './TokenField.tsx';
import { useCuratorForm } from './curator-form.ts';
import { Writable } from './Writable.tsx';

/** The form for the pair `a`, `b`, on a server that takes writes; `onSaved` after the server took the decision and rebuilt the record. */
export function DecideForm(props: DecideProps) {
  return <Writable><DecideControls {...props} /></Writable>;
}

interface DecideProps { a: string; b: string; current?: 'same' | 'independent'; onSaved: (r: SourceDecisionResponse) => void }

function DecideControls({ a, b, current, onSaved }: DecideProps) {
  const { open, setOpen, reason, setReason, token, setToken, error, busy, send: post } = useCuratorForm(onSaved);
  const send = (decision: SourceDecisionRequest['decision']) => post('sources/decisions', { a, b, decision });
  if (!open) return <button type="button" class="secondary decide" onClick={() => setOpen(true)}>{current ? 'Change the decision' : 'Decide'}</button>;
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

/** Merge an entity into another, or split a spelling out of it, with a reason; needs a curator's token. */
import { useState } from 'preact/hooks';
import type { EntityCluster, EntityDecisionResponse } from '../types.ts';
import { TokenField, initialToken } from './TokenField.tsx';
import { useCuratorForm } from './curator-form.ts';

/** The id of the page's one list of entity names, which the "merge into" field offers. */
export const ENTITY_NAMES_LIST = 'entity-names';

/** The form for one entity; `onSaved` after the server rebuilt the record. */
export function EntityForm({ entity, onSaved }: { entity: EntityCluster; onSaved: (r: EntityDecisionResponse) => void }) {
  const [into, setInto] = useState('');
  const { open, setOpen, reason, setReason, token, setToken, error, setError, busy, send: post } = useCuratorForm(onSaved);
  // A token saved by another form on this page since this one was made is taken up when it opens.
  if (!open) return <button type="button" class="secondary decide" onClick={() => { setToken((t) => t || initialToken()); setOpen(true); }}>Merge or split</button>;

  const send = (what: 'merge' | 'split', body: Record<string, string>) => post(`entities/${what}`, body);
  const merge = () => (into.trim() ? send('merge', { name: entity.canonical, into: into.trim() }) : setError('Name the entity to merge this one into.'));
  return (
    <form class="review decide-form entity-form" onSubmit={(e) => { e.preventDefault(); void merge(); }}>
      <fieldset>
        <legend>“{entity.canonical}”: one entity with another, or a spelling on its own?</legend>
        <label>Merge into <input name="into" list={ENTITY_NAMES_LIST} value={into} onInput={(e) => setInto(e.currentTarget.value)} placeholder="another entity's name" /></label>
        <label>Reason <textarea name="reason" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></label>
        <TokenField value={token} onInput={setToken} />
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>Merge</button>{' '}
        {entity.names.length > 1 && entity.names.map((n) => (
          <span key={n.name}><button type="button" class="secondary split" disabled={busy} onClick={() => send('split', { name: n.name })}>Split “{n.name}” off</button>{' '}</span>
        ))}
        <button type="button" class="secondary" onClick={() => setOpen(false)}>Cancel</button>
      </fieldset>
    </form>
  );
}

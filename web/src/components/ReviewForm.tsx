/** Confirm, reject or correct an extracted count or date, with a reason; needs a curator's token. */
import { useState } from 'preact/hooks';
import { loadToken, post, saveToken } from '../api.ts';
import type { Count, DateMention, Measure, ReviewAction, ReviewRequest, ReviewResponse } from '../types.ts';

const MEASURES: Measure[] = ['killed', 'injured', 'captured', 'missing', 'displaced', 'returned', 'orphaned', 'casualties', 'population', 'other'];

type Target = { kind: 'count'; item: Count } | { kind: 'date'; item: DateMention };

const numOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s.replace(/[,\s]/g, '')));

/** The form; calls `onSaved` with the server's answer (the review, its audit entry, the figures now). */
export function ReviewForm({ documentId, target, onSaved }: { documentId: string; target: Target; onSaved: (r: ReviewResponse) => void }) {
  const [token, setToken] = useState(loadToken());
  const [action, setAction] = useState<ReviewAction>('confirm');
  const [reason, setReason] = useState('');
  const c = target.kind === 'count' ? target.item : null;
  const [min, setMin] = useState(c?.min?.toString() ?? '');
  const [max, setMax] = useState(c?.max?.toString() ?? '');
  const [measure, setMeasure] = useState<Measure>(c?.measure ?? 'killed');
  const [group, setGroup] = useState(c?.group ?? 'all');
  const [edtf, setEdtf] = useState(target.kind === 'date' ? target.item.value : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    if (!token.trim()) return setError('A token is needed to review: ask for one, or run `crosscheck token create --name YOU`.');
    if (!reason.trim()) return setError('Say why: the reason goes into the audit log.');
    const body: ReviewRequest = { documentId, kind: target.kind, span: target.item.span, action, reason: reason.trim() };
    if (target.kind === 'count') body.measure = target.item.measure;
    else body.value = target.item.value;
    if (action === 'correct') {
      if (target.kind === 'count') {
        const lo = numOrNull(min);
        const hi = numOrNull(max);
        if ((lo !== null && !Number.isFinite(lo)) || (hi !== null && !Number.isFinite(hi))) return setError('Numbers only in min and max.');
        body.corrected = { min: lo, max: hi, measure, group: group.trim() || 'all' };
      } else body.corrected = { value: edtf.trim() };
    }
    setBusy(true);
    try {
      const res = await post<ReviewResponse>('reviews', body, token.trim());
      saveToken(token.trim());
      setReason('');
      onSaved(res);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="review" onSubmit={submit}>
      <fieldset>
        <legend>Review this {target.kind}</legend>
        <div class="actions" role="radiogroup" aria-label="Action">
          {(['confirm', 'reject', 'correct'] as const).map((a) => (
            <label key={a}><input type="radio" name="action" value={a} checked={action === a} onChange={() => setAction(a)} /> {a}</label>
          ))}
        </div>
        {action === 'correct' && target.kind === 'count' && (
          <div class="grid2">
            <label>min <input name="min" inputMode="numeric" value={min} onInput={(e) => setMin(e.currentTarget.value)} /></label>
            <label>max <input name="max" inputMode="numeric" value={max} onInput={(e) => setMax(e.currentTarget.value)} /></label>
            <label>measure <select name="measure" value={measure} onChange={(e) => setMeasure(e.currentTarget.value as Measure)}>
              {MEASURES.map((m) => <option key={m} value={m}>{m}</option>)}
            </select></label>
            <label>group <input name="group" value={group} onInput={(e) => setGroup(e.currentTarget.value)} /></label>
          </div>
        )}
        {action === 'correct' && target.kind === 'date' && (
          <label>EDTF value <input name="edtf" value={edtf} onInput={(e) => setEdtf(e.currentTarget.value)} placeholder="1992-02-25" /></label>
        )}
        <label>Reason <textarea name="reason" rows={2} required value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></label>
        <label>Token <input name="token" type="password" autoComplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} placeholder="from crosscheck token create" /></label>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : `Save ${action}`}</button>
      </fieldset>
    </form>
  );
}

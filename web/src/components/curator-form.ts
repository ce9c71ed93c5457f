/** The state every curator's form keeps (open, reason, token, error, busy) and its one way to send. */
import { useState } from 'preact/hooks';
import { post, saveToken } from '../api.ts';
import { NEED_TOKEN, initialToken } from './TokenField.tsx';

/** A curator's form: `send(path, body)` checks the token and reason, posts, and on success closes and calls `onSaved`. */
export function useCuratorForm<R>(onSaved: (r: R) => void) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [token, setToken] = useState(initialToken());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (path: string, body: Record<string, string>) => {
    setError(null);
    if (!token.trim()) return setError(NEED_TOKEN);
    if (!reason.trim()) return setError('Say why: the reason goes into the audit log.');
    setBusy(true);
    try {
      const r = await post<R>(path, { ...body, reason: reason.trim() }, token.trim());
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
  return { open, setOpen, reason, setReason, token, setToken, error, setError, busy, send };
}

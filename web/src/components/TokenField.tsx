/** The curator's token, as every form that writes asks for it (kept in this browser once it works). */
import { loadToken } from '../api.ts';

/** A password field for the token; the form keeps its value. */
export function TokenField({ value, onInput }: { value: string; onInput: (v: string) => void }) {
  return (
    <label>Token <input name="token" type="password" autoComplete="off" value={value} onInput={(e) => onInput(e.currentTarget.value)} placeholder="from crosscheck token create" /></label>
  );
}

/** The token kept in this browser, for a form's first value. */
export const initialToken = loadToken;

/** Why a write cannot be sent without a token. */
export const NEED_TOKEN = 'A token is needed: ask for one, or run `crosscheck token create --name YOU`.';

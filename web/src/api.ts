/** Typed calls to the crosscheck HTTP API, and the curator's token kept in this browser. */
import type { ApiError } from './types.ts';

/** An API error with its stable code, fit to show. */
export class RequestError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

async function parse<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = body as Partial<ApiError> | null;
    throw new RequestError(res.status, e?.code ?? 'E_HTTP', e?.message ?? `The server answered ${res.status}`);
  }
  return body as T;
}

/** Builds `/api/path?k=v` from the defined parameters. */
export function apiUrl(path: string, params: Record<string, string | number | boolean | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `/api/${path}${s ? `?${s}` : ''}`;
}

/** GET a JSON resource. */
export async function get<T>(path: string, params?: Record<string, string | number | boolean | undefined>, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(apiUrl(path, params), { signal, headers: { accept: 'application/json' } }));
}

/** POST JSON with the stored bearer token. */
export async function post<T>(path: string, body: unknown, token: string): Promise<T> {
  const res = await fetch(apiUrl(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return parse<T>(res);
}

const TOKEN_KEY = 'crosscheck.token';

/** The curator's token, as kept in this browser (never sent anywhere but this server). */
export function loadToken(): string {
  try { return localStorage.getItem(TOKEN_KEY) ?? ''; } catch { return ''; }
}

/** Keeps (or, given '', forgets) the token. */
export function saveToken(token: string): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch { /* private mode: the token lives for this page only */ }
}

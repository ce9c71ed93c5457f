/**
 * Fetches a report from an http(s) address: its original bytes, the address it ended at and when.
 * Only http and https; a host that resolves to a private, loopback, link-local or otherwise
 * non-public address (any of its addresses, IPv4 or IPv6) is refused unless `allowPrivate`, at
 * every redirect; the whole fetch, body included, has a time limit and a size limit.
 *
 * The host is resolved once per connection, by the socket's own `lookup`, which checks the
 * addresses and hands the socket only those it checked: a name that answers one address to a
 * check and another to the connection (DNS rebinding) cannot get past it.
 */
import { lookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import type { DocumentFormat } from '../../domain/types.js';
import { AppError } from '../../domain/errors.js';
import { formatOfName } from './format.js';
import { DEFAULT_MAX_SIZE } from './types.js';
import { acceptEncoding, readBody } from './fetch-body.js';

/** Seconds a fetch may take, body included, when none is given. */
export const DEFAULT_FETCH_SECONDS = 20;
/** Redirects followed before giving up. */
const MAX_REDIRECTS = 5;

/** An address a host name resolves to. */
export interface ResolvedAddress { address: string; family: number }

/** Options for `fetchUrl`. */
export interface FetchOptions {
  /** Largest body accepted, in bytes (default `DEFAULT_MAX_SIZE`, the ingest's `--max-size`). */
  maxSize?: number;
  /** Seconds the whole fetch may take (default 20). */
  seconds?: number;
  /** Let the address be private or loopback (`--allow-private`): for a test server or an intranet. */
  allowPrivate?: boolean;
  /** Resolves a host name to every address it has (default: the system's resolver); asked once per connection, which goes to what it answered. */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
  /** The clock, for the fetch time. */
  now?: () => Date;
}

/** A fetched page: what the server sent, byte for byte, and where and when. */
export interface Fetched {
  /** The address asked for. */
  url: string;
  /** The address the bytes came from, after redirects. */
  finalUrl: string;
  /** ISO 8601 time the response arrived. */
  fetchedAt: string;
  bytes: Uint8Array;
  contentType: string | null;
  /** The format to read the bytes as (from the content type, else the address's extension). */
  format: DocumentFormat;
  /** A file name for the report: the last segment of the address's path, else its host. */
  name: string;
}

// Every range that is not the public internet: "this network", private, shared (CGNAT), loopback,
// link-local, IETF protocol assignments, documentation, benchmarking, multicast, reserved, broadcast.
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
// IPv6: unspecified, loopback, unique local, link-local, site-local (deprecated), multicast, documentation, discard.
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64]] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv6');
}

/** The IPv4 address an IPv6 one carries (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::`, 6to4 `2002:`), if any. */
function embeddedIpv4(address: string): string | null {
  const a = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a) ?? /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::|$)/.exec(a);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** True when `address` is not a public internet address. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(address);
  if (v4 !== null && isIP(v4) === 4) return BLOCKED.check(v4, 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

const systemResolve = (host: string): Promise<ResolvedAddress[]> => lookup(host, { all: true, verbatim: true });

/** Parses and checks an address: http(s) only, with a host. */
function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('E_BAD_INPUT', `${raw}: not a web address (expected http://… or https://…)`, { details: { url: raw } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('E_BAD_INPUT', `${raw}: only http and https addresses are fetched, not ${url.protocol.slice(0, -1)}`, { details: { url: raw } });
  }
  if (url.username || url.password) throw new AppError('E_BAD_INPUT', `${raw}: an address with a user name or password is not fetched`, { details: { url: raw } });
  return url;
}

/** Resolves `host` and refuses it when any of its addresses is not public (unless allowed); the addresses checked. */
async function checkedAddresses(url: URL, host: string, opts: FetchOptions): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await (opts.resolve ?? systemResolve)(host);
  } catch (e) {
    throw new AppError('E_NOT_FOUND', `${url.href}: the host ${host} could not be resolved (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e, details: { url: url.href } });
  }
  if (addresses.length === 0) throw new AppError('E_NOT_FOUND', `${url.href}: the host ${host} has no address`, { details: { url: url.href } });
  if (opts.allowPrivate) return addresses;
  const blocked = addresses.find((a) => isPrivateAddress(a.address));
  if (blocked) {
    throw new AppError('E_BAD_INPUT', `${url.href}: refused, the host ${host} is at ${blocked.address}, a private, loopback or link-local address (give --allow-private to fetch from this machine or its network)`,
      { details: { url: url.href, address: blocked.address } });
  }
  return addresses;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The socket's `lookup` for `url`: resolves the host, checks its addresses and gives the socket
 * only those, so that it connects to an address that was checked; a refusal is the socket's error.
 */
function checkedLookup(url: URL, opts: FetchOptions): LookupFunction {
  return (host: string, options: LookupOptions, callback: LookupCallback) => {
    checkedAddresses(url, host, opts).then((addresses) => {
      const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
      const usable = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
      if (usable.length === 0) {
        callback(new AppError('E_NOT_FOUND', `${url.href}: the host ${host} has no IPv${family} address`, { details: { url: url.href } }), '');
      } else if (options.all) {
        callback(null, usable);
      } else {
        callback(null, usable[0]!.address, usable[0]!.family);
      }
    }, (e: AppError) => callback(e, ''));
  };
}

const ACCEPT = 'text/html, application/xhtml+xml, text/plain, text/markdown, application/pdf;q=0.9, */*;q=0.1';

/** Sends a GET for `url` on a connection of its own, resolved by `checkedLookup`; its response. */
async function get(url: URL, opts: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A socket does not look up an address literal, so that is checked here.
  if (isIP(host)) await checkedAddresses(url, host, opts);
  const https = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    // No shared agent: a kept-alive socket checked for one fetch is not reused by another.
    const req = (https ? httpsRequest : httpRequest)(url, {
      agent: false, lookup: checkedLookup(url, opts), signal,
      headers: { accept: ACCEPT, 'accept-encoding': acceptEncoding(https), 'user-agent': 'crosscheck' },
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

const FORMAT_OF_TYPE: Readonly<Record<string, DocumentFormat>> = {
  'text/html': 'html', 'application/xhtml+xml': 'html', 'text/plain': 'txt', 'text/markdown': 'md', 'text/x-markdown': 'md', 'application/pdf': 'pdf',
};

/** The format of a response: its content type, else the address's extension (a server that says octet-stream). */
function formatOf(url: URL, contentType: string | null): DocumentFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const byName = formatOfName(decodeURIComponent(url.pathname));
  // A .md served as text/plain is still Markdown.
  if (type === 'text/plain' && byName === 'md') return 'md';
  const byType = FORMAT_OF_TYPE[type];
  if (byType) return byType;
  if (byName && (type === '' || type === 'application/octet-stream')) return byName;
  throw new AppError('E_UNSUPPORTED_FORMAT', `${url.href}: the server sent ${type || 'no content type'}, not a web page, text, Markdown or PDF`, { details: { url: url.href, contentType } });
}

function nameOf(url: URL): string {
  let last = '';
  try { last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? ''); } catch { /* keep the host */ }
  return last || url.hostname;
}

/**
 * Fetches `raw`. Failures are `AppError`s naming the address and the reason: E_BAD_INPUT (not
 * http(s), a private address, too many redirects, an HTTP error), E_NOT_FOUND (the host does
 * not resolve, a 404), E_TOO_LARGE, E_UNSUPPORTED_FORMAT, E_UNREADABLE (timed out, connection failed).
 */
export async function fetchUrl(raw: string, opts: FetchOptions = {}): Promise<Fetched> {
  const maxSize = opts.maxSize ?? DEFAULT_MAX_SIZE;
  const seconds = opts.seconds ?? DEFAULT_FETCH_SECONDS;
  const signal = AbortSignal.timeout(seconds * 1000);
  let url = parseUrl(raw);
  try {
    for (let hop = 0; ; hop++) {
      // Redirects by hand, so that every address on the way is checked as the first was.
      const res = await get(url, opts, signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location !== undefined) {
        res.destroy();
        if (hop >= MAX_REDIRECTS) throw new AppError('E_BAD_INPUT', `${raw}: more than ${MAX_REDIRECTS} redirects`, { details: { url: raw } });
        url = parseUrl(new URL(location, url).href);
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new AppError(status === 404 || status === 410 ? 'E_NOT_FOUND' : 'E_BAD_INPUT', `${url.href}: the server answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, { details: { url: url.href, status } });
      }
      const contentType = res.headers['content-type'] ?? null;
      let format: DocumentFormat;
      try {
        format = formatOf(url, contentType);
      } catch (e) {
        res.destroy();
        throw e;
      }
      const bytes = await readBody(res, url.href, maxSize);
      const fetchedAt = (opts.now?.() ?? new Date()).toISOString();
      return { url: raw, finalUrl: url.href, fetchedAt, bytes, contentType, format, name: nameOf(url) };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (signal.aborted) throw new AppError('E_UNREADABLE', `${url.href}: no complete answer within ${seconds} s`, { cause: e, details: { url: url.href, seconds } });
    const err = e as NodeJS.ErrnoException & { cause?: { code?: string } };
    throw new AppError('E_UNREADABLE', `${url.href}: could not be fetched (${err.code ?? err.cause?.code ?? err.message})`, { cause: e, details: { url: url.href } });
  }
}

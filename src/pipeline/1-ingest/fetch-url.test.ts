import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fetchUrl, isPrivateAddress } from './fetch-url.js';
import { isAppError } from '../../domain/errors.js';

/** A test server on 127.0.0.1 (an ephemeral port), answering with `handler`. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    assert.ok(isAppError(e), String(e));
    return { code: e.code, message: e.message };
  }
  assert.fail('expected a refusal');
}

const PAGE = '<!doctype html><html><head><title>Flood in Varn</title></head><body><article><p>On 3 May 2019 floods killed 12 people.</p></article></body></html>';

test('fetches a page from a local server with --allow-private, keeping its bytes, its address after redirects and the time', async () => {
  const s = await serve((req, res) => {
    if (req.url === '/old') { res.writeHead(301, { location: '/news/flood' }); res.end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  try {
    const f = await fetchUrl(`${s.base}/old`, { allowPrivate: true, now: () => new Date('2026-01-02T03:04:05Z') });
    assert.equal(Buffer.from(f.bytes).toString('utf8'), PAGE);
    assert.equal(f.url, `${s.base}/old`);
    assert.equal(f.finalUrl, `${s.base}/news/flood`);
    assert.equal(f.fetchedAt, '2026-01-02T03:04:05.000Z');
    assert.equal(f.format, 'html');
    assert.equal(f.name, 'flood');
  } finally {
    await s.close();
  }
});

test('refuses a loopback address without --allow-private, saying which address and how to allow it', async () => {
  let asked = false;
  const s = await serve((_req, res) => { asked = true; res.end('x'); });
  try {
    const r = await refusal(fetchUrl(`${s.base}/report.txt`));
    assert.equal(r.code, 'E_BAD_INPUT');
    assert.match(r.message, /127\.0\.0\.1, a private, loopback or link-local address \(give --allow-private/);
    assert.equal(asked, false, 'the server was never contacted');
  } finally {
    await s.close();
  }
});

test('refuses a host name when any of its addresses, IPv4 or IPv6, is private', async () => {
  const resolve = async (host: string) => (host === 'mixed.example'
    ? [{ address: '93.184.216.34', family: 4 }, { address: 'fe80::1', family: 6 }]
    : [{ address: '::ffff:10.0.0.7', family: 6 }]);
  assert.match((await refusal(fetchUrl('https://mixed.example/a.html', { resolve }))).message, /fe80::1/);
  assert.match((await refusal(fetchUrl('http://mapped.example/a.html', { resolve }))).message, /::ffff:10\.0\.0\.7/);
});

/** A resolver that answers `first` to its first lookup and `later` to every other, recording the names asked. */
function rebinding(first: string, later: string): { asked: string[]; resolve: (host: string) => Promise<Array<{ address: string; family: number }>> } {
  const asked: string[] = [];
  return {
    asked,
    resolve: async (host) => {
      asked.push(host);
      const address = asked.length === 1 ? first : later;
      return [{ address, family: address.includes(':') ? 6 : 4 }];
    },
  };
}

test('DNS rebinding: each connection looks its host up once and connects to the address that lookup checked', async () => {
  const hosts: string[] = [];
  const s = await serve((req, res) => {
    hosts.push(`${req.url} ${req.headers.host}`);
    if (req.url === '/old') { res.writeHead(302, { location: '/report.txt' }); res.end(); return; }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('On 3 May 2019 floods killed 12 people.');
  });
  const port = new URL(s.base).port;
  try {
    // The system resolver knows no rebind.test, so the page is reached only through the answer that
    // was checked; a second lookup would get 127.0.0.2, where nothing listens.
    const r = rebinding('127.0.0.1', '127.0.0.2');
    const f = await fetchUrl(`http://rebind.test:${port}/report.txt`, { allowPrivate: true, resolve: r.resolve });
    assert.equal(Buffer.from(f.bytes).toString('utf8'), 'On 3 May 2019 floods killed 12 people.');
    assert.deepEqual(r.asked, ['rebind.test']);
    assert.deepEqual(hosts, [`/report.txt rebind.test:${port}`]);
    // A redirect is a new connection: one more lookup, again the one connected to.
    hosts.length = 0;
    let calls = 0;
    const f2 = await fetchUrl(`http://rebind.test:${port}/old`, { allowPrivate: true, resolve: async () => [{ address: calls++ < 2 ? '127.0.0.1' : '127.0.0.2', family: 4 }] });
    assert.equal(f2.finalUrl, `http://rebind.test:${port}/report.txt`);
    assert.equal(calls, 2);
    assert.deepEqual(hosts, [`/old rebind.test:${port}`, `/report.txt rebind.test:${port}`]);
  } finally {
    await s.close();
  }
});

test('without --allow-private, the lookup the connection makes is the one refused: one lookup, the private-address reason, no request', async () => {
  let asked = false;
  const s = await serve((_req, res) => { asked = true; res.end('x'); });
  const port = new URL(s.base).port;
  try {
    for (const scheme of ['http', 'https']) {
      const asked: string[] = [];
      const resolve = async (host: string) => { asked.push(host); return [{ address: '127.0.0.1', family: 4 }]; };
      const refused = await refusal(fetchUrl(`${scheme}://rebind.test:${port}/report.txt`, { resolve }));
      assert.equal(refused.code, 'E_BAD_INPUT');
      assert.match(refused.message, /refused, the host rebind\.test is at 127\.0\.0\.1, a private, loopback or link-local address \(give --allow-private/);
      assert.deepEqual(asked, ['rebind.test'], 'looked up once, by the connection');
    }
    // An address literal is not looked up; it is checked all the same.
    assert.match((await refusal(fetchUrl(`http://[::1]:${port}/report.txt`))).message, /is at ::1, a private/);
    assert.equal(asked, false, 'the server was never contacted');
  } finally {
    await s.close();
  }
});

test('a compressed body (gzip, deflate with or without its zlib header, br, or two in turn) is kept decoded, as sent before compression', async () => {
  const text = `${PAGE}\n`.repeat(50);
  const bodies: Record<string, [string, Buffer]> = {
    '/gzip': ['gzip', gzipSync(text)], '/x-gzip': ['x-gzip', gzipSync(text)], '/deflate': ['deflate', deflateSync(text)],
    '/raw-deflate': ['deflate', deflateRawSync(text)], '/br': ['br', brotliCompressSync(text)], '/both': ['deflate, gzip', gzipSync(deflateSync(text))],
  };
  const accepted: string[] = [];
  const s = await serve((req, res) => {
    accepted.push(String(req.headers['accept-encoding']));
    const [encoding, body] = bodies[req.url!]!;
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding });
    res.end(body);
  });
  try {
    for (const path of Object.keys(bodies)) {
      const f = await fetchUrl(`${s.base}${path}`, { allowPrivate: true });
      assert.equal(Buffer.from(f.bytes).toString('utf8'), text, path);
    }
    assert.ok(accepted.every((a) => a === 'gzip, deflate'), accepted.join(' | '));
  } finally {
    await s.close();
  }
});

test('a small compressed body that decompresses past the size limit is refused (a zip bomb)', async () => {
  const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
  assert.ok(bomb.length < 64 * 1024, `compressed to ${bomb.length} bytes`);
  const s = await serve((_req, res) => { res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }); res.end(bomb); });
  try {
    const r = await refusal(fetchUrl(`${s.base}/bomb.txt`, { allowPrivate: true, maxSize: 1024 * 1024 }));
    assert.equal(r.code, 'E_TOO_LARGE');
    assert.match(r.message, /over the 1\.0 MB limit/);
  } finally {
    await s.close();
  }
});

test('every redirect is checked as the first address was: one to file:// is refused', async () => {
  const s = await serve((_req, res) => { res.writeHead(302, { location: 'file:///etc/passwd' }); res.end(); });
  try {
    assert.match((await refusal(fetchUrl(`${s.base}/start`, { allowPrivate: true }))).message, /file:\/\/\/etc\/passwd: only http and https/);
  } finally {
    await s.close();
  }
});

test('only http and https are fetched', async () => {
  for (const url of ['file:///etc/passwd', 'ftp://example.org/a.txt', 'javascript:alert(1)', 'gopher://x/']) {
    const r = await refusal(fetchUrl(url));
    assert.equal(r.code, 'E_BAD_INPUT');
    assert.match(r.message, /only http and https/);
  }
  assert.match((await refusal(fetchUrl('not a url'))).message, /not a web address/);
});

test('a body over the size limit is refused, whether the server declares its length or not', async () => {
  const s = await serve((req, res) => {
    res.writeHead(200, req.url === '/chunked' ? { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' } : { 'content-type': 'text/plain', 'content-length': '5000' });
    res.end('x'.repeat(5000));
  });
  try {
    for (const path of ['/declared', '/chunked']) {
      const r = await refusal(fetchUrl(`${s.base}${path}`, { allowPrivate: true, maxSize: 1024 }));
      assert.equal(r.code, 'E_TOO_LARGE');
      assert.match(r.message, /over the 1\.0 KB limit/);
    }
  } finally {
    await s.close();
  }
});

test('a server slower than the time limit is given up on, saying so', async () => {
  const s = await serve((_req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.write('partial'); });
  try {
    const r = await refusal(fetchUrl(`${s.base}/slow.txt`, { allowPrivate: true, seconds: 0.3 }));
    assert.equal(r.code, 'E_UNREADABLE');
    assert.match(r.message, /no complete answer within 0\.3 s/);
  } finally {
    await s.close();
  }
});

test('an HTTP error and a content type that is not a report are refused with their reason', async () => {
  const s = await serve((req, res) => {
    if (req.url === '/gone') { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });
  try {
    assert.match((await refusal(fetchUrl(`${s.base}/gone`, { allowPrivate: true }))).message, /answered 404/);
    assert.match((await refusal(fetchUrl(`${s.base}/pic`, { allowPrivate: true }))).message, /sent image\/png, not a web page/);
  } finally {
    await s.close();
  }
});

test('[address, private] for the ranges that are not the public internet', () => {
  const cases: Array<[string, boolean]> = [
    ['127.0.0.1', true], ['127.255.0.9', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.32.0.1', false], ['192.168.1.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['255.255.255.255', true],
    ['93.184.216.34', false], ['8.8.8.8', false],
    ['::1', true], ['::', true], ['fe80::1', true], ['fd12:3456::1', true], ['ff02::1', true],
    ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['64:ff9b::a00:1', true], ['2002:c0a8:101::1', true],
    ['2606:4700::1111', false], ['::ffff:8.8.8.8', false], ['not-an-ip', true],
  ];
  for (const [address, expected] of cases) assert.equal(isPrivateAddress(address), expected, address);
});

/**
 * Large records as a sequence of JSON parts, so that no single string has to hold a whole one:
 * the reconciled record of 100,000 reports is larger as JSON than V8's longest string. Any
 * backend can keep the parts as rows and rebuild the value from them in order.
 */

/** Characters of JSON a part holds before a new one is started (a soft limit: one element may exceed it). */
export const PART_CHARS = 1 << 20;

/** Where a part's content goes: keys and indices from the record's root. */
type Path = Array<string | number>;

/**
 * A part is a header line, `KIND[path…]`, then a body of raw JSON (never escaped twice):
 * `v` the whole value at the path (the root when the path is empty); `o` / `a` an empty
 * object or array at the path; `f` fields (`"k":v,…`) to set on the object at the path;
 * `e` elements (`x,y,…`) to append to the array at the path. JSON has no raw newline.
 */
type Kind = 'v' | 'o' | 'a' | 'f' | 'e';

const part = (kind: Kind, path: Path, body = '') => `${kind}${JSON.stringify(path)}\n${body}`;

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** True when `value`'s JSON is surely longer than `budget` characters; stops looking once it is. */
export function jsonExceeds(value: unknown, budget: number): boolean {
  let left = budget;
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') left -= v.length + 2;
    else if (!isContainer(v)) left -= 8;
    else if (Array.isArray(v)) {
      left -= 2;
      for (const x of v) if (walk(x)) return true;
    } else {
      left -= 2;
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined || typeof x === 'function') continue;
        left -= k.length + 4;
        if (walk(x)) return true;
      }
    }
    return left < 0;
  };
  return walk(value);
}

/**
 * The record as parts, each under about `partChars` characters of JSON (unless one element
 * alone is longer). Containers too large for a part are entered; anything else is written whole.
 */
export function* recordParts(value: unknown, partChars = PART_CHARS): Generator<string> {
  yield* encode(toJsonValue(value), [], partChars);
}

// A value with a toJSON (a Date) is stored as what JSON.stringify would write.
function toJsonValue(v: unknown): unknown {
  return isContainer(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? JSON.parse(JSON.stringify(v)) : v;
}

const skipped = (x: unknown) => x === undefined || typeof x === 'function' || typeof x === 'symbol';

// JSON of a value, or undefined when it is longer than a string can be.
function stringifyOrNot(x: unknown): string | undefined {
  try {
    return JSON.stringify(x);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

function* encode(value: unknown, path: Path, max: number): Generator<string> {
  if (!isContainer(value) || !jsonExceeds(value, max)) {
    yield part('v', path, JSON.stringify(value) ?? 'null');
    return;
  }
  const array = Array.isArray(value);
  yield part(array ? 'a' : 'o', path);
  let held: string[] = [];
  let size = 0;
  function* flush() {
    if (held.length) yield part(array ? 'e' : 'f', path, held.join(','));
    held = [];
    size = 0;
  }
  const entries: Iterable<[string | number, unknown]> = array ? (value as unknown[]).entries() : Object.entries(value);
  for (const [k, raw] of entries) {
    const x = toJsonValue(raw);
    if (!array && skipped(x)) continue;
    // An object's field is entered when it is large; an array's element only when it cannot be one string.
    let json: string | undefined;
    if (isContainer(x) && (array ? (json = stringifyOrNot(x)) === undefined : jsonExceeds(x, max))) {
      yield* flush();
      yield* encode(x, [...path, k], max);
      continue;
    }
    json ??= skipped(x) ? 'null' : JSON.stringify(x);
    const s = array ? json : `${JSON.stringify(k)}:${json}`;
    held.push(s);
    size += s.length + 1;
    if (size >= max) yield* flush();
  }
  yield* flush();
}

/** Rebuilds a record from its parts, in the order `recordParts` gave them. */
export function joinRecordParts(parts: Iterable<string>): unknown {
  const root: { v?: unknown } = {};
  const at = (path: Path): unknown => {
    let v: unknown = root.v;
    for (const k of path) v = (v as Record<string | number, unknown>)[k];
    return v;
  };
  const set = (path: Path, v: unknown) => {
    if (path.length === 0) root.v = v;
    else {
      const parent = at(path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
      if (Array.isArray(parent)) parent.push(v);
      else parent[path[path.length - 1]!] = v;
    }
  };
  for (const raw of parts) {
    const nl = raw.indexOf('\n');
    const kind = raw[0] as Kind;
    const path = JSON.parse(raw.slice(1, nl)) as Path;
    const body = raw.slice(nl + 1);
    if (kind === 'v') set(path, JSON.parse(body));
    else if (kind === 'o') set(path, {});
    else if (kind === 'a') set(path, []);
    else if (kind === 'f') Object.assign(at(path) as object, JSON.parse(`{${body}}`));
    else {
      const target = at(path) as unknown[];
      for (const x of JSON.parse(`[${body}]`) as unknown[]) target.push(x);
    }
  }
  return root.v ?? null;
}

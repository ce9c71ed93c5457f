/**
 * The search language of the SQLite store (words, "phrases", prefix*, -word, AND/OR/NOT,
 * parentheses, NEAR(…), title:/text:) as a PostgreSQL tsquery. The user's text is first put in
 * FTS5's form by the SQLite store's own `toFtsQuery` (so both backends read a query the same way
 * and refuse the same malformed ones), then parsed here with FTS5's grammar: NOT binds tightest
 * and is binary ("a NOT b"), then AND (also implied between terms), then OR.
 */
import { badQuery, toFtsQuery } from '../sqlite/fts-query.js';
import { quoteLexeme, tokenize } from './text-index.js';
import type { HighlightTerm } from './text-index.js';

/** A parsed query. `none` matches nothing (a term without any word in it, as "—"). */
type Node =
  | { kind: 'phrase'; words: HighlightTerm[]; column?: Column }
  | { kind: 'near'; phrases: Node[]; distance: number }
  | { kind: 'and' | 'or' | 'not'; left: Node; right: Node }
  | { kind: 'none' };
type Column = 'title' | 'text';

/** What a query becomes: the tsquery (null when nothing can match) and the phrases to highlight in text. */
export interface PgQuery {
  tsquery: string | null;
  highlight: HighlightTerm[][];
}

/** NEAR's default distance, as FTS5's. */
const NEAR_DEFAULT = 10;
/** Largest NEAR distance accepted: each unit adds two alternatives to the tsquery. */
const NEAR_MAX = 100;
const TOKENS = /\s+|[(),]|"(?:[^"]|"")*"\*?|[^\s(),"]+/g;
const COLUMN = /^(title|text):(.*)$/s;

/** Parse a user's search text into a tsquery; E_BAD_QUERY with the reason when it is malformed. */
export function toPgQuery(input: string): PgQuery {
  const tokens = (toFtsQuery(input).match(TOKENS) ?? []).filter((t) => !/^\s/.test(t));
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];
  const expectTerm = (): never => {
    throw badQuery(at >= tokens.length ? 'it ends where a word was expected (an operator or parenthesis lacks its other side)' : `"${tokens[at]}" is not expected there`);
  };

  const parseOr = (): Node => {
    let left = parseAnd();
    while (peek() === 'OR') {
      next();
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const startsTerm = (t: string | undefined) => t !== undefined && t !== ')' && t !== 'OR' && t !== 'AND' && t !== 'NOT' && t !== ',';
  const parseAnd = (): Node => {
    let left = parseNot();
    for (;;) {
      if (peek() === 'AND') {
        next();
        left = { kind: 'and', left, right: parseNot() };
      } else if (startsTerm(peek())) {
        left = { kind: 'and', left, right: parseNot() };
      } else return left;
    }
  };
  const parseNot = (): Node => {
    let left = parsePrimary();
    while (peek() === 'NOT') {
      next();
      left = { kind: 'not', left, right: parsePrimary() };
    }
    return left;
  };
  const parsePrimary = (column?: Column): Node => {
    const t = next();
    if (t === undefined || !startsTerm(t)) {
      at--;
      return expectTerm();
    }
    if (t === '(') {
      const inner = parseOr();
      if (next() !== ')') throw badQuery('a parenthesis is not closed');
      return column ? withColumn(inner, column) : inner;
    }
    if (t === 'NEAR' && peek() === '(') {
      next();
      return withColumn(parseNear(), column);
    }
    const col = COLUMN.exec(t);
    if (col) {
      const which = col[1] as Column;
      if (col[2]) return term(col[2], which);
      return parsePrimary(which);
    }
    if (t.startsWith('^')) throw badQuery('^ (a word at the start of a column) is not supported by the PostgreSQL store');
    return term(t, column);
  };
  const parseNear = (): Node => {
    const phrases: Node[] = [];
    let distance = NEAR_DEFAULT;
    for (;;) {
      const t = peek();
      if (t === undefined) throw badQuery('a parenthesis is not closed');
      if (t === ')') { next(); break; }
      if (t === ',') {
        next();
        const n = next();
        if (n === undefined || !/^\d+$/.test(n)) throw badQuery('NEAR takes a distance after its comma, as in NEAR(a b, 5)');
        distance = Number(n);
        if (next() !== ')') throw badQuery('NEAR ends with its distance and a closing parenthesis');
        break;
      }
      next();
      // "sank," is a word followed by the comma: FTS5 reads it so.
      if (t.endsWith(',') && t.length > 1) {
        phrases.push(term(t.slice(0, -1)));
        at--;
        tokens[at] = ',';
        continue;
      }
      phrases.push(term(t));
    }
    if (phrases.length < 2) throw badQuery('NEAR needs at least two words or phrases');
    if (distance > NEAR_MAX) throw badQuery(`NEAR's distance is at most ${NEAR_MAX}`);
    return { kind: 'near', phrases, distance };
  };

  const root = parseOr();
  if (at < tokens.length) throw badQuery(`"${tokens[at]}" is not expected there`);
  const highlight: HighlightTerm[][] = [];
  collectHighlights(root, highlight);
  return { tsquery: render(simplify(root)), highlight };
}

/** A bare word or "phrase" (with an optional trailing *) as a phrase of folded words. */
function term(raw: string, column?: Column): Node {
  const star = raw.endsWith('*');
  let body = star ? raw.slice(0, -1) : raw;
  if (body.startsWith('"')) body = body.slice(1, -1).replace(/""/g, '"');
  const words: HighlightTerm[] = tokenize(body).map((t) => ({ lexeme: t.lexeme, prefix: false }));
  if (words.length === 0) return { kind: 'none' };
  if (star) words[words.length - 1]!.prefix = true;
  return { kind: 'phrase', words, ...(column ? { column } : {}) };
}

/** The node with every phrase in it limited to a column. */
function withColumn(node: Node, column: Column | undefined): Node {
  if (column === undefined) return node;
  switch (node.kind) {
    case 'phrase': return { ...node, column };
    case 'near': return { ...node, phrases: node.phrases.map((p) => withColumn(p, column)) };
    case 'none': return node;
    default: return { ...node, left: withColumn(node.left, column), right: withColumn(node.right, column) };
  }
}

/** Drops what cannot match: "a AND none" is none, "a OR none" is a, "a NOT none" is a. */
function simplify(node: Node): Node {
  switch (node.kind) {
    case 'phrase': return node;
    case 'near': {
      const phrases = node.phrases.map(simplify);
      return phrases.some((p) => p.kind === 'none') ? { kind: 'none' } : { ...node, phrases };
    }
    case 'none': return node;
    default: {
      const left = simplify(node.left);
      const right = simplify(node.right);
      if (node.kind === 'and') return left.kind === 'none' || right.kind === 'none' ? { kind: 'none' } : { kind: 'and', left, right };
      if (node.kind === 'or') return left.kind === 'none' ? right : right.kind === 'none' ? left : { kind: 'or', left, right };
      return left.kind === 'none' ? left : right.kind === 'none' ? left : { kind: 'not', left, right };
    }
  }
}

/** The tsquery text of a simplified node; null for none. */
function render(node: Node): string | null {
  switch (node.kind) {
    case 'none': return null;
    case 'phrase': {
      const weight = node.column === 'title' ? 'A' : node.column === 'text' ? 'B' : '';
      const words = node.words.map((w) => `${quoteLexeme(w.lexeme)}${w.prefix || weight ? `:${w.prefix ? '*' : ''}${weight}` : ''}`);
      return words.length === 1 ? words[0]! : `(${words.join(' <-> ')})`;
    }
    case 'near': {
      // FTS5: at most `distance` words between one phrase's end and the next one's start, in
      // either order. A tsquery says an exact distance, so each allowed one is an alternative;
      // three or more phrases are taken pairwise (each pair near, a little looser than FTS5).
      const parts = node.phrases.map((p) => render(p)!);
      const pairs: string[] = [];
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j < parts.length; j++) {
          const alts: string[] = [];
          for (let d = 1; d <= node.distance + 1; d++) alts.push(`${parts[i]} <${d}> ${parts[j]}`, `${parts[j]} <${d}> ${parts[i]}`);
          pairs.push(`(${alts.join(' | ')})`);
        }
      }
      return pairs.length === 1 ? pairs[0]! : `(${pairs.join(' & ')})`;
    }
    case 'and': return `(${render(node.left)} & ${render(node.right)})`;
    case 'or': return `(${render(node.left)} | ${render(node.right)})`;
    case 'not': return `(${render(node.left)} & !${render(node.right)})`;
  }
}

/** The phrases a snippet marks: those not negated and not limited to the title. */
function collectHighlights(node: Node, out: HighlightTerm[][]): void {
  switch (node.kind) {
    case 'phrase': if (node.column !== 'title') out.push(node.words); return;
    case 'near': node.phrases.forEach((p) => collectHighlights(p, out)); return;
    case 'none': return;
    case 'not': collectHighlights(node.left, out); return;
    default: collectHighlights(node.left, out); collectHighlights(node.right, out);
  }
}

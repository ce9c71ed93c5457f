/** A user's search text made into an FTS5 query, and FTS5's complaints made into plain words. */
import { AppError } from '../../domain/errors.js';

/** FTS5 barewords: ASCII letters, digits, underscore, and anything non-ASCII. */
const BARE = /^[A-Za-z0-9_\u001a\u0080-\uffff]+$/;
const OPERATORS = new Set(['AND', 'OR', 'NOT', '+']);
const COLUMN = /^(title|text):(.*)$/is;
const TOKENS = /\s+|[()]|"(?:[^"]|"")*"\*?|"|[^\s()"]+/g;

/** Help appended to every malformed-query message. */
const HELP = 'Use words, "exact phrases", prefix*, -word, AND, OR, NOT, parentheses, title:word and text:word';

/** A malformed-query error with the reason in plain words. */
export function badQuery(reason: string): AppError {
  return new AppError('E_BAD_QUERY', `Malformed search query: ${reason}. ${HELP}.`);
}

/**
 * Rewrite a user's query so that ordinary text searches as people expect: FTS5 rejects
 * "1,300", "mountain-road" or "2024-02-26" as syntax errors (or column filters), so a word
 * holding such characters becomes a quoted phrase, which the tokenizer splits the same way
 * it split the document. "-word" becomes NOT word. Quotes, parentheses, operators, prefix*,
 * ^initial and NEAR(...) pass through.
 */
export function toFtsQuery(input: string): string {
  const tokens = input.match(TOKENS) ?? [];
  const out: string[] = [];
  const nearParens: boolean[] = [];
  let nextParenIsNear = false;
  for (const token of tokens) {
    if (/^\s/.test(token)) continue;
    if (token === '"') throw badQuery('a quote (") is not closed');
    const inNear = nearParens.includes(true);
    if (token === '(') {
      nearParens.push(nextParenIsNear);
      nextParenIsNear = false;
      out.push(token);
      continue;
    }
    if (token === ')') nearParens.pop();
    nextParenIsNear = token === 'NEAR';
    // FTS5's NOT is binary ("a NOT b"); people write "a AND NOT b", which means the same.
    if (token === 'NOT' && out[out.length - 1] === 'AND') out.pop();
    // Inside NEAR(a b, 5) the comma and distance are syntax, not text.
    if (inNear || token === ')' || token.startsWith('"') || OPERATORS.has(token) || token === 'NEAR') {
      out.push(token);
      continue;
    }
    // "-word" excludes, as in web search; FTS5 would read it as a column filter.
    if (token.length > 1 && token.startsWith('-')) out.push('NOT', normalizeTerm(token.slice(1)));
    else out.push(normalizeTerm(token));
  }
  if (out.length === 0) throw badQuery('it is empty');
  return out.join(' ');
}

/** One bare run: a column filter, an initial-token ^, a prefix*, or a plain word. */
function normalizeTerm(run: string): string {
  const column = COLUMN.exec(run);
  if (column) return `${column[1].toLowerCase()}:${column[2] ? normalizeTerm(column[2]) : ''}`;
  if (run.startsWith('^') && run.length > 1) return `^${normalizeTerm(run.slice(1))}`;
  const star = run.endsWith('*');
  const base = star ? run.slice(0, -1) : run;
  if (base === '') throw badQuery('"*" must follow a word, as in attack*');
  return BARE.test(base) ? run : `"${base}"${star ? '*' : ''}`;
}

/** Say what FTS5 disliked without showing SQLite's own message; other failures stay E_STORE. */
export function explainFtsError(e: unknown): AppError {
  const message = e instanceof Error ? e.message : '';
  const code = (e as { code?: unknown } | null)?.code;
  if (code !== 'SQLITE_ERROR' || !/fts5|syntax error|no such column|unterminated|special query/.test(message)) {
    return new AppError('E_STORE', 'The database failed while searching', { cause: e });
  }
  const near = /syntax error near "(.*)"/s.exec(message);
  if (near && near[1] === '') return badQuery('it ends where a word was expected (an operator or parenthesis lacks its other side)');
  if (near) return badQuery(`"${near[1]}" is not expected there`);
  if (/no such column: (\S+)/.test(message)) return badQuery('only title: and text: can prefix a word');
  if (/unterminated string/.test(message)) return badQuery('a quote (") is not closed');
  return badQuery('it could not be read');
}

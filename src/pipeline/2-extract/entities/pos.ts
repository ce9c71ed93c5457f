/** wink-nlp parts of speech for the few sentences the cheap rules cannot decide, within a budget. */
import type { Span } from '../../../domain/types.js';
import { tokenize } from '../../../nlp/tokens.js';
import type { Token } from '../../../nlp/tokens.js';
import { tagSentence } from '../../../nlp/wink.js';

/** Tags sentences on first request and remembers them; stops tagging once `budget` characters are spent. */
export class PosTagger {
  private readonly done = new Map<number, Token[]>();
  private spent = 0;

  constructor(private readonly text: string, private readonly sentences: readonly Span[], private budget: number) {}

  /** The tagged tokens of sentence `n`, or null when tagging is off or the budget is spent. */
  tokens(n: number): Token[] | null {
    const have = this.done.get(n);
    if (have) return have;
    const s = this.sentences[n]!;
    if (this.spent + (s.end - s.start) > this.budget) return null;
    this.spent += s.end - s.start;
    const tokens = tokenize(this.text, s.start, s.end);
    tagSentence(this.text, s.start, s.end, tokens);
    this.done.set(n, tokens);
    return tokens;
  }

  /** Part of speech of the token starting at `at` in sentence `n` (undefined when unknown). */
  posAt(n: number, at: number): string | undefined {
    return this.tokens(n)?.find((t) => t.start === at)?.pos;
  }

  /** Part of speech of the first token at or after `at` in sentence `n`. */
  posAfter(n: number, at: number): string | undefined {
    return this.tokens(n)?.find((t) => t.start >= at)?.pos;
  }
}

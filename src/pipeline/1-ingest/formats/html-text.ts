/** Turns a DOM subtree into plain text: one paragraph per block element, white space collapsed inside blocks. */

/** Elements that start a new paragraph of text. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'UL',
  'CAPTION', 'BODY', 'HTML', 'CENTER',
]);

/** Elements whose content is never text a reader sees. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'SVG', 'CANVAS', 'IFRAME',
  'OBJECT', 'EMBED', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'SOURCE', 'MAP', 'BUTTON', 'SELECT', 'OPTION',
  'TEXTAREA', 'INPUT', 'MATH',
]);

// Stands for a cell boundary until white space is collapsed; then it becomes a tab.
const CELL = '\u0001';

/** Accumulates blocks; the current block's inline text is collected until a block boundary. */
class TextBuilder {
  readonly blocks: string[] = [];
  private inline = '';

  /** Adds inline text; its line breaks are source formatting, so they collapse like any white space. */
  add(s: string): void {
    this.inline += s.replace(/\s+/g, ' ');
  }

  /** A `<br>`: the one line break that survives inside a block. */
  lineBreak(): void {
    this.inline += '\n';
  }

  /** Ends the current block: white space collapsed (keeping `<br>` line breaks), empty lines dropped. */
  flush(): void {
    const lines = this.inline.split('\n').map((l) =>
      l.replace(/\s+/g, ' ').trim().replace(new RegExp(`\\s*${CELL}[\\s${CELL}]*`, 'g'), CELL)
        .replace(new RegExp(`^${CELL}+|${CELL}+$`, 'g'), '').replace(new RegExp(CELL, 'g'), '\t'));
    const text = lines.filter((l) => l !== '').join('\n');
    if (text) this.blocks.push(text);
    this.inline = '';
  }

  /** Adds preformatted text as its own block, white space kept, trailing spaces trimmed. */
  pre(s: string): void {
    this.flush();
    const text = s.split('\n').map((l) => l.trimEnd()).join('\n').replace(/^\n+|\n+$/g, '');
    if (text.trim()) this.blocks.push(text);
  }
}

/** What to do on leaving an element: end its block, close its cell, or end its table row. */
type Exit = 'block' | 'cell' | 'row' | 'none';

/** Reads one node on the way in; returns what its exit must do, or undefined to skip its children. */
function enter(node: Node, out: TextBuilder): Exit | undefined {
  if (node.nodeType === 3) {
    // A NUL or other control character in a text node is not something a reader sees.
    out.add((node.nodeValue ?? '').replace(/[\u0000-\u0008\u000b\u000e-\u001f]/g, ' '));
    return undefined;
  }
  if (node.nodeType !== 1) return undefined;
  const tag = (node as Element).tagName.toUpperCase();
  if (SKIP.has(tag)) return undefined;
  if (tag === 'BR') return out.lineBreak(), undefined;
  if (tag === 'PRE') return out.pre(node.textContent ?? ''), undefined;
  if (tag === 'TD' || tag === 'TH') return out.add(CELL), 'cell';
  if (BLOCKS.has(tag)) return out.flush(), 'block';
  // A table is one block and each row one line of it, so a row's figures stay together.
  return tag === 'TR' ? 'row' : 'none';
}

function leave(exit: Exit, out: TextBuilder): void {
  if (exit === 'block') out.flush();
  else if (exit === 'cell') out.add(CELL);
  else if (exit === 'row') out.lineBreak();
}

/** Walks the tree with an explicit stack: broken pages nest thousands of unclosed tags deep. */
function walk(root: Node, out: TextBuilder): void {
  const stack: { node: Node; exit?: Exit }[] = [{ node: root }];
  while (stack.length) {
    const item = stack.pop()!;
    if (item.exit) {
      leave(item.exit, out);
      continue;
    }
    const exit = enter(item.node, out);
    if (!exit) continue;
    stack.push({ node: item.node, exit });
    const children = item.node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] });
  }
}

/** The text of a DOM subtree: block elements become paragraphs separated by blank lines; entities are already decoded by the parser. */
export function domToText(root: Node): string {
  const out = new TextBuilder();
  walk(root, out);
  out.flush();
  return out.blocks.join('\n\n');
}

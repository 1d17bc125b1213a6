/**
 * Plain text out of a stored Lexical editor state, without loading the editor: a quote is looked up
 * in what the reader saw, and that includes image captions, which live on upload nodes.
 */

type Node = Record<string, unknown>

// Element nodes whose content runs on within the line; every other element starts a new line, so
// that the last word of one paragraph never fuses with the first word of the next.
const INLINE_ELEMENTS = new Set(['link', 'autolink', 'mark', 'hashtag'])

// Stored JSON is not trusted: a pathologically deep document must not overflow the stack.
const MAX_DEPTH = 200

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

class Lines {
  private readonly lines: string[] = []
  private current = ''

  add(text: string): void {
    this.current += text
  }

  end(): void {
    if (this.current.trim() !== '') this.lines.push(this.current)
    this.current = ''
  }

  toString(): string {
    this.end()
    return this.lines.join('\n')
  }
}

function captionText(caption: unknown): string {
  if (typeof caption === 'string') return caption
  // A caption field may itself be rich text.
  return lexicalToPlainText(caption)
}

function walk(node: unknown, out: Lines, depth: number): void {
  if (!isNode(node) || depth > MAX_DEPTH) return
  const type = node.type
  if (type === 'linebreak') {
    out.add('\n')
    return
  }
  if (type === 'upload') {
    const fields = node.fields
    const caption = isNode(fields) ? captionText(fields.caption) : ''
    if (caption.trim() !== '') {
      out.end()
      out.add(caption)
      out.end()
    }
    return
  }
  if (Array.isArray(node.children)) {
    const inline = typeof type === 'string' && INLINE_ELEMENTS.has(type)
    if (!inline) out.end()
    for (const child of node.children) walk(child, out, depth + 1)
    if (!inline) out.end()
    return
  }
  // Text nodes, and tab and code-highlight nodes, which are text nodes too.
  if (typeof node.text === 'string') out.add(node.text)
}

/**
 * Plain text of a Lexical editor state (Payload's richtext JSON: { root: { children: [...] } }): text
 * nodes joined, a newline between block nodes (paragraph, heading, listitem, quote), upload nodes
 * contribute their fields.caption if any, link nodes their children's text. Tolerates null/malformed
 * input (returns '').
 */
export function lexicalToPlainText(state: unknown): string {
  if (!isNode(state)) return ''
  const root = isNode(state.root) ? state.root : state.type === 'root' ? state : null
  if (!root || !Array.isArray(root.children)) return ''
  const out = new Lines()
  walk(root, out, 0)
  return out.toString()
}

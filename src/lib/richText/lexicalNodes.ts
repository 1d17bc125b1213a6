/** A node of a Lexical document as stored: anything may be missing or of another type. */
export type LexicalNode = { type?: unknown; children?: unknown; [key: string]: unknown }

/** Calls `visit` on every node of a Lexical document (`{ root }`), each before its children. */
export function forEachLexicalNode(document: unknown, visit: (node: LexicalNode) => void): void {
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    visit(node as LexicalNode)
    const { children } = node as LexicalNode
    if (Array.isArray(children)) children.forEach(walk)
  }
  walk((document as { root?: unknown } | null | undefined)?.root)
}

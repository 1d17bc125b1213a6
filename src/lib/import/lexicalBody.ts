/** Lexical editor state as plain JSON, the way it is stored. */
export type LexicalNode = { type: string; children?: LexicalNode[]; [key: string]: unknown }
export type LexicalState = { root: LexicalNode }

/**
 * The body without what differs between two conversions of the same HTML (the random ids of link
 * and upload nodes, and keys left undefined), so a re-import can tell it changed nothing.
 */
export function comparableBody(state: unknown): unknown {
  return JSON.parse(JSON.stringify(state ?? null), (key, value) => (key === 'id' ? undefined : value))
}

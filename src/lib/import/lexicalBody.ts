/** Lexical editor state as plain JSON, the way it is stored. */
export type LexicalNode = { type: string; children?: LexicalNode[]; [key: string]: unknown }
export type LexicalState = { root: LexicalNode }

const isUpload = (node: LexicalNode) => node.type === 'upload'
const isBlank = (node: LexicalNode) => node.type === 'linebreak' || (node.type === 'text' && String(node.text ?? '').trim() === '')

/**
 * The HTML converter's output made like what the admin's editor saves: an image is a block of its
 * own rather than sitting inside a paragraph (as `<p><img></p>` puts it), and refers to its media
 * by number, as relationship ids are in this database.
 */
export function finishBody(state: LexicalState): LexicalState {
  const children = (state.root.children ?? []).flatMap(liftUploads).map(withNumericUploadIds)
  return { root: { ...state.root, children } }
}

/** A paragraph holding images becomes the text before, each image, and the text after. */
function liftUploads(block: LexicalNode): LexicalNode[] {
  if (block.type !== 'paragraph' || !block.children?.some(isUpload)) return [block]
  const blocks: LexicalNode[] = []
  let run: LexicalNode[] = []
  const closeRun = () => {
    if (run.some((node) => !isBlank(node))) blocks.push({ ...block, children: run })
    run = []
  }
  for (const child of block.children) {
    if (isUpload(child)) {
      closeRun()
      blocks.push(child)
    } else {
      run.push(child)
    }
  }
  closeRun()
  return blocks
}

function withNumericUploadIds(node: LexicalNode): LexicalNode {
  const children = node.children?.map(withNumericUploadIds)
  const value = isUpload(node) && typeof node.value === 'string' ? Number(node.value) : node.value
  return { ...node, ...(children ? { children } : {}), ...(value !== undefined ? { value } : {}) }
}

/**
 * The body without what differs between two conversions of the same HTML (the random ids of link
 * and upload nodes, and keys left undefined), so a re-import can tell it changed nothing.
 */
export function comparableBody(state: unknown): unknown {
  return JSON.parse(JSON.stringify(state ?? null), (key, value) => (key === 'id' ? undefined : value))
}

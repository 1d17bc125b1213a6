import { ImportProblem } from './problem'

/**
 * A WordPress export cut, as it arrives piece by piece, into its channel header (the site's authors
 * and categories, everything before the first `<item>`) and its `<item>` elements, each a string of
 * its own: an export of any size is read without ever being held whole. Items do not nest, but a
 * post's CDATA may hold any text, `</item>` included, so CDATA sections are stepped over.
 */
export class WxrItemSplitter {
  private buffer = ''
  private headerText: string | null = null

  /** Everything before the first item, once it has arrived (null until then). */
  get header(): string | null {
    return this.headerText
  }

  /** The items this piece completes, in order. */
  push(piece: string): string[] {
    this.buffer += piece
    const items: string[] = []
    let position = 0
    for (;;) {
      const start = nextItemStart(this.buffer, position)
      if (start === -1) {
        // Keep a tail that may be the beginning of `<item` cut by the piece's end.
        position = Math.max(position, this.buffer.length - ITEM_OPENING.length)
        if (this.headerText === null) position = 0
        break
      }
      if (this.headerText === null) this.headerText = this.buffer.slice(0, start)
      const end = itemEnd(this.buffer, start)
      if (end === -1) {
        position = start
        break
      }
      items.push(this.buffer.slice(start, end))
      position = end
    }
    this.buffer = this.buffer.slice(position)
    return items
  }

  /** At the end of the file: throws when an item was left open or the file had no channel at all. */
  end(): void {
    if (this.headerText === null) {
      if (!/<channel[\s>]/.test(this.buffer)) throw new ImportProblem({ code: 'IMPORT_NOT_WXR' })
      this.headerText = this.buffer
    }
    const open = nextItemStart(this.buffer, 0)
    if (open !== -1) throw new ImportProblem({ code: 'IMPORT_XML_ITEM_UNCLOSED' })
  }
}

const ITEM_OPENING = '<item'
const ITEM_CLOSING = '</item>'
const CDATA_OPENING = '<![CDATA['
const CDATA_CLOSING = ']]>'

/** Where the next `<item>` (or `<item …>`) element starts, outside CDATA; -1 when none is in sight. */
function nextItemStart(text: string, from: number): number {
  let position = from
  for (;;) {
    const item = text.indexOf(ITEM_OPENING, position)
    if (item === -1) return -1
    const cdata = text.indexOf(CDATA_OPENING, position)
    if (cdata !== -1 && cdata < item) {
      const closing = text.indexOf(CDATA_CLOSING, cdata + CDATA_OPENING.length)
      if (closing === -1) return -1
      position = closing + CDATA_CLOSING.length
      continue
    }
    const next = text[item + ITEM_OPENING.length]
    if (next === undefined) return -1
    if (next === '>' || next === ' ' || next === '\t' || next === '\n' || next === '\r') return item
    position = item + ITEM_OPENING.length
  }
}

/** The end (exclusive) of the item starting at `start`; -1 when it has not all arrived. */
function itemEnd(text: string, start: number): number {
  let position = start + ITEM_OPENING.length
  for (;;) {
    const closing = text.indexOf(ITEM_CLOSING, position)
    const cdata = text.indexOf(CDATA_OPENING, position)
    if (cdata !== -1 && (closing === -1 || cdata < closing)) {
      const cdataEnd = text.indexOf(CDATA_CLOSING, cdata + CDATA_OPENING.length)
      if (cdataEnd === -1) return -1
      position = cdataEnd + CDATA_CLOSING.length
      continue
    }
    return closing === -1 ? -1 : closing + ITEM_CLOSING.length
  }
}

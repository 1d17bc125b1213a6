import { type DefaultTreeAdapterTypes, parse, parseFragment } from 'parse5'

import { isSafeLink } from '../richText/safeLinks'
import { MEDIA_SLUG } from '../../slugs'
import type { LexicalNode, LexicalState } from './lexicalBody'

export type BodyImage = { src: string; alt: string }

/** What an image in the body becomes: an upload of this media, a plain link, or nothing. */
export type ImagePlacement = { mediaId: number } | { link: string } | null

/** An article body read once: the images it shows, in order, and its Lexical state once each is placed. */
export type ParsedBody = { images: BodyImage[]; toLexical: (placeOf: (src: string) => ImagePlacement) => LexicalState }

/*
 * One parse of the HTML (parse5, the parser JSDOM uses), cleaned, then converted the way Payload's
 * convertHTMLToLexical converts it through the body editor's features (Lexical's $generateNodesFromDOM
 * into an empty root, then its list and text normalisations), without a DOM or an editor: those cost
 * 15 ms and more an article, this a fraction of one. The rules below mirror Lexical's importers one
 * for one, so an import writes what the admin's own converter would; where the cleaned HTML used to be
 * written out and read again between steps, what that changed is reproduced too (adjacent text joined,
 * leading white space and <pre> line feeds dropped, nested headings split). tests/unit/lib/htmlToLexical.test.ts
 * holds the two side by side over a corpus of real-world HTML and random markup, and names each
 * place where this one departs from Payload's on purpose.
 */

/** Elements whose content is code or foreign to an article, dropped whole. */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'applet', 'form', 'link', 'meta', 'base', 'svg', 'math'])
/** Elements that end a run of text: their text is kept apart from the next one's by a space. */
const TEXT_BREAKS = new Set(['br', 'p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'figure', 'figcaption', 'pre', 'tr', 'td', 'th', 'hr'])
/** The body editor has h2 to h4: a story's own title is its h1, and h5/h6 read as h4. */
const HEADING_LEVELS: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4' }
const PRE_ELEMENTS = new Set(['pre', 'listing', 'textarea'])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const PARSE_OPTIONS = { scriptingEnabled: false } as const

// What Lexical reads as inline and as block DOM nodes (lexical's isInlineDomNode / isBlockDomNode).
const INLINE_TAG = /^(a|abbr|acronym|b|cite|code|del|em|i|ins|kbd|label|mark|output|q|ruby|s|samp|span|strong|sub|sup|time|u|tt|var|#text)$/
const BLOCK_TAG = /^(address|article|aside|blockquote|canvas|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h1|h2|h3|h4|h5|h6|header|hr|li|main|nav|noscript|ol|p|pre|section|table|td|tfoot|ul|video)$/
const ALIGNMENTS = new Set(['left', 'start', 'center', 'right', 'end', 'justify'])
const TEXT_FORMAT: Record<string, number> = {
  bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64, highlight: 128, lowercase: 256, uppercase: 512, capitalize: 1024,
}
const TAG_FORMAT: Record<string, string> = { code: 'code', em: 'italic', i: 'italic', mark: 'highlight', s: 'strikethrough', strong: 'bold', sub: 'subscript', sup: 'superscript', u: 'underline' }

// ---------------------------------------------------------------------------------------------
// The cleaned document: a light tree of its own, so the converter can walk up and across it.

type Style = Record<string, string>
type Dom = DomElement | DomText
type DomText = { name: '#text'; text: string; parent: DomElement | null }
type DomElement = {
  name: string
  attrs: Record<string, string>
  children: Dom[]
  parent: DomElement | null
  style: Style
  /** An image placed as an upload. */
  upload?: { relationTo: string; value: number }
}

const NO_STYLE: Style = {}
const isText = (node: Dom | null | undefined): node is DomText => node?.name === '#text'
const isElement = (node: Dom | null | undefined): node is DomElement => node != null && node.name !== '#text'
const attribute = (element: DomElement, name: string): string | null => element.attrs[name] ?? null

function appendChild(parent: DomElement, child: Dom): void {
  const last = parent.children[parent.children.length - 1]
  // Adjacent text is one text node, as it is once the cleaned HTML is written out and read again.
  if (isText(child) && isText(last)) {
    last.text += child.text
    return
  }
  child.parent = parent
  parent.children.push(child)
}

function textContent(node: Dom): string {
  return isText(node) ? node.text : node.children.map(textContent).join('')
}

function containsImage(element: DomElement): boolean {
  return element.children.some((child) => isElement(child) && (child.name === 'img' || containsImage(child)))
}

/** The body cleaned: nothing executable, no comments, no unsafe or image-only links, headings fitted. */
function cleanBody(html: string): { body: DomElement; images: DomElement[] } {
  const document = parse(html, PARSE_OPTIONS)
  const htmlElement = document.childNodes.find((node) => node.nodeName === 'html') as DefaultTreeAdapterTypes.Element
  const source = htmlElement.childNodes.find((node) => node.nodeName === 'body') as DefaultTreeAdapterTypes.Element
  const body: DomElement = { name: 'body', attrs: {}, children: [], parent: null, style: NO_STYLE }
  const images: DomElement[] = []

  const copyChildren = (from: DefaultTreeAdapterTypes.ParentNode, to: DomElement) => {
    for (const node of from.childNodes) {
      if (node.nodeName === '#text') appendChild(to, { name: '#text', text: (node as DefaultTreeAdapterTypes.TextNode).value, parent: null })
      else if ('tagName' in node && !DROPPED_ELEMENTS.has(node.tagName)) copyElement(node, to)
    }
  }
  const copyElement = (node: DefaultTreeAdapterTypes.Element, parent: DomElement) => {
    const renamed = HEADING_LEVELS[node.tagName]
    const attrs: Record<string, string> = Object.create(null)
    // A renamed heading is a new element: its attributes stay behind.
    if (!renamed) for (const { name, value } of node.attrs) if (!name.startsWith('on')) attrs[name] = value
    const element: DomElement = { name: renamed ?? node.tagName, attrs, children: [], parent: null, style: attrs.style === undefined ? NO_STYLE : parseStyle(attrs.style) }
    copyChildren(node, element)
    if (element.name === 'img') images.push(element)
    // The parser drops the line feed that opens a <pre>, and the cleaned HTML was read twice more.
    const first = element.children[0]
    if (PRE_ELEMENTS.has(element.name) && isText(first)) {
      first.text = first.text.replace(/^\n\n?/, '')
      if (first.text === '') element.children.shift()
    }
    // A heading the parser left inside a heading (misnested tags around them) is read again as
    // following it, with what follows it.
    const nestedHeading = HEADINGS.has(element.name) ? element.children.findIndex((child) => HEADINGS.has(child.name)) : -1
    const following = nestedHeading < 0 ? [] : element.children.splice(nestedHeading)
    // WordPress links a picture to its full-size file: the picture itself is what the body shows.
    if (element.name === 'a' && (!isSafeLink(attribute(element, 'href')) || (containsImage(element) && textContent(element).trim() === ''))) {
      for (const child of element.children) appendChild(parent, child)
    } else {
      appendChild(parent, element)
    }
    for (const child of following) appendChild(parent, child)
  }
  copyChildren(source, body)
  trimStart(body)
  return { body, images }
}

/** The cleaned body with each image placed: an upload, a link to where it was, or nothing. */
function placeImages(body: DomElement, placeOf: (element: DomElement) => ImagePlacement): DomElement {
  const copy = (element: DomElement, parent: DomElement | null, inLink: boolean): DomElement => {
    const result: DomElement = { ...element, children: [], parent }
    for (const child of element.children) {
      if (isText(child)) appendChild(result, { ...child })
      else if (child.name !== 'img') appendChild(result, copy(child, result, inLink || child.name === 'a'))
      else {
        const placement = placeOf(child)
        if (placement && 'mediaId' in placement) appendChild(result, { ...child, children: [], upload: { relationTo: MEDIA_SLUG, value: placement.mediaId } })
        else if (placement) {
          const text: DomText = { name: '#text', text: attribute(child, 'alt')?.trim() || placement.link, parent: null }
          // A link cannot hold a link: inside one, the image is its text.
          const link: DomElement = inLink ? result : { name: 'a', attrs: { href: placement.link }, children: [], parent: null, style: NO_STYLE }
          appendChild(link, text)
          if (link !== result) appendChild(result, link)
        }
      }
    }
    return result
  }
  const placed = copy(body, null, false)
  trimStart(placed)
  return placed
}

/** What the cleaned HTML reads as once written out and read again: the parser drops white space that opens a document. */
function trimStart(body: DomElement): void {
  const first = body.children[0]
  if (isText(first)) {
    first.text = first.text.replace(/^[\t\n\f\r ]+/, '')
    if (first.text === '') body.children.shift()
  }
}

// ---------------------------------------------------------------------------------------------
// CSS, as far as Lexical's importers read it (JSDOM's CSSStyleDeclaration: last declaration wins,
// font-weight lower-cased, `font` setting weight and style).

function parseStyle(text: string): Style {
  const style: Style = {}
  for (const declaration of text.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon < 0) continue
    const property = declaration.slice(0, colon).trim().toLowerCase()
    const value = declaration.slice(colon + 1).replace(/!\s*important\s*$/i, '').trim()
    if (value === '') continue
    if (property === 'font') {
      const words = value.toLowerCase().split(/\s+/)
      style['font-weight'] = words.find((word) => /^(bold|bolder|lighter|[1-9]00)$/.test(word)) ?? 'normal'
      style['font-style'] = words.find((word) => word === 'italic' || word === 'oblique') ?? 'normal'
    } else {
      style[property] = property === 'font-weight' ? value.toLowerCase() : value
    }
  }
  return style
}

const css = (node: Dom, property: string): string => (isElement(node) ? (node.style[property] ?? '') : '')
const isInlineDomNode = (node: Dom): boolean => (css(node, 'display').startsWith('inline') ? true : INLINE_TAG.test(node.name))
const isBlockDomNode = (node: Dom): boolean => (css(node, 'display').startsWith('inline') ? false : BLOCK_TAG.test(node.name))
const isWhitespaceText = (node: Dom | undefined): boolean => isText(node) && /^( |\t|\r?\n)+$/.test(node.text)
const siblingOf = (node: Dom, offset: number): Dom | null => (node.parent ? (node.parent.children[node.parent.children.indexOf(node) + offset] ?? null) : null)

// ---------------------------------------------------------------------------------------------
// Lexical nodes under construction.

type Element = {
  kind: 'element'
  type: 'paragraph' | 'heading' | 'quote' | 'list' | 'listitem' | 'link' | 'artificial'
  children: Node[]
  parent: Element | null
  format: string
  indent: number
  direction: 'ltr' | 'rtl' | null
  tag?: string
  listType?: 'number' | 'bullet' | 'check'
  start?: number
  value?: number
  checked?: boolean
  fields?: { linkType: 'custom'; newTab: boolean; url: string }
}
type Text = { kind: 'text'; text: string; format: number; tab?: true; parent: Element | null }
type Leaf = { kind: 'linebreak' | 'horizontalrule'; parent: Element | null } | { kind: 'upload'; relationTo: string; value: number; parent: Element | null }
type Node = Element | Text | Leaf

const element = (type: Element['type'], extra: Partial<Element> = {}): Element => ({ kind: 'element', type, children: [], parent: null, format: '', indent: 0, direction: null, ...extra })
const isBlockElement = (node: Node | undefined): node is Element => node?.kind === 'element' && node.type !== 'link'

/** An element's children appended, as ElementNode.append does, with ListItemNode's and ListNode's own rules. */
function append(parent: Element, nodes: Node[]): void {
  for (const node of nodes) {
    if (parent.type === 'listitem' && node.kind === 'element' && (node.type === 'listitem' || node.type === 'paragraph')) {
      append(parent, [...node.children])
    } else if (parent.type === 'list' && !(node.kind === 'element' && node.type === 'listitem')) {
      const item = element('listitem')
      append(item, node.kind === 'element' && node.type !== 'list' && node.type !== 'link' ? [...node.children] : [node])
      adopt(parent, item)
    } else {
      adopt(parent, node)
    }
  }
}

function adopt(parent: Element, node: Node): void {
  if (node.parent) node.parent.children.splice(node.parent.children.indexOf(node), 1)
  node.parent = parent
  parent.children.push(node)
}

function directionOf(dom: DomElement): Element['direction'] {
  const dir = attribute(dom, 'dir')
  return dir === 'ltr' || dir === 'rtl' ? dir : null
}

function alignmentOf(dom: DomElement): string {
  const align = css(dom, 'text-align')
  return ALIGNMENTS.has(align) ? align : ''
}

function indentOf(dom: DomElement): number {
  const indent = parseInt(attribute(dom, 'data-lexical-indent') ?? '', 10)
  if (Number.isFinite(indent) && indent >= 0) return indent
  return Math.round((parseInt(css(dom, 'padding-inline-start'), 10) || 0) / 40)
}

/** HTMLOListElement.start: the attribute read as an integer, 1 when it is none. */
function listStart(dom: DomElement): number {
  const match = /^[\t\n\f\r ]*([+-]?\d+)/.exec(attribute(dom, 'start') ?? '')
  const start = match ? parseInt(match[1], 10) : NaN
  return Number.isFinite(start) && Math.abs(start) <= 2 ** 31 - 1 ? start : 1
}

type ForChild = (node: Node) => void
/** The formats the elements around a node give it, one for each tag name, as Lexical's forChild map. */
type ForChildren = readonly (readonly [string, ForChild])[]
type Conversion = { node: Node | Node[] | null; forChild?: ForChild; after?: (children: Node[]) => Node[] }

function toggleFormat(text: Text, type: string): void {
  const flag = TEXT_FORMAT[type]
  if (text.format & flag) return
  let format = text.format ^ flag
  if (type === 'subscript') format &= ~TEXT_FORMAT.superscript
  else if (type === 'superscript') format &= ~TEXT_FORMAT.subscript
  else if (type === 'lowercase') format &= ~(TEXT_FORMAT.uppercase | TEXT_FORMAT.capitalize)
  else if (type === 'uppercase') format &= ~(TEXT_FORMAT.lowercase | TEXT_FORMAT.capitalize)
  else if (type === 'capitalize') format &= ~(TEXT_FORMAT.lowercase | TEXT_FORMAT.uppercase)
  text.format = format
}

/** Lexical's applyTextFormatFromStyle: the formats an element's style (and its tag) give the text inside. */
function formatFromStyle(dom: DomElement, tagFormat?: string): ForChild {
  const style = dom.style
  const formats: string[] = []
  const weight = style['font-weight'] ?? ''
  const decoration = (style['text-decoration'] ?? '').split(' ')
  if (weight === '700' || weight === 'bold') formats.push('bold')
  if (decoration.includes('line-through')) formats.push('strikethrough')
  if (style['font-style'] === 'italic') formats.push('italic')
  if (decoration.includes('underline')) formats.push('underline')
  if (style['vertical-align'] === 'sub') formats.push('subscript')
  if (style['vertical-align'] === 'super') formats.push('superscript')
  const transform = style['text-transform']
  if (transform === 'lowercase' || transform === 'uppercase' || transform === 'capitalize') formats.push(transform)
  if (tagFormat) formats.push(tagFormat)
  return (node) => {
    if (node.kind === 'text') for (const format of formats) toggleFormat(node, format)
  }
}

// ---------------------------------------------------------------------------------------------
// Text, with Lexical's white-space collapsing ($convertTextDOMNode).

function isInPre(text: DomText): boolean {
  for (let node = text.parent; node; node = node.parent) {
    if (node.name === 'pre' || css(node, 'white-space').startsWith('pre')) return true
  }
  return false
}

function findTextInLine(start: Dom, forward: boolean): DomText | null {
  let node: Dom = start
  for (;;) {
    let sibling: Dom | null
    while ((sibling = siblingOf(node, forward ? 1 : -1)) === null) {
      // The body's siblings (the head) are no text of its line.
      if (!node.parent || node.parent.name === 'body') return null
      node = node.parent
    }
    node = sibling
    if (isElement(node)) {
      const display = css(node, 'display')
      if ((display === '' && !isInlineDomNode(node)) || (display !== '' && !display.startsWith('inline'))) return null
    }
    while (isElement(node) && node.children.length > 0) node = node.children[forward ? 0 : node.children.length - 1]
    if (isText(node)) return node
    if (node.name === 'br') return null
  }
}

function convertText(dom: DomText): Conversion {
  if (isInPre(dom)) {
    const nodes: Node[] = []
    for (const part of dom.text.split(/(\r?\n|\t)/)) {
      if (part === '\n' || part === '\r\n') nodes.push({ kind: 'linebreak', parent: null })
      else if (part === '\t') nodes.push({ kind: 'text', text: '\t', format: 0, tab: true, parent: null })
      else if (part !== '') nodes.push({ kind: 'text', text: part, format: 0, parent: null })
    }
    return { node: nodes }
  }
  let text = dom.text.replace(/\r/g, '').replace(/[ \t\n]+/g, ' ')
  if (text === '') return { node: null }
  if (text[0] === ' ') {
    let previous: DomText | null = dom
    let isStartOfLine = true
    while (previous !== null && (previous = findTextInLine(previous, false)) !== null) {
      if (previous.text.length > 0) {
        if (/[ \t\n]$/.test(previous.text)) text = text.slice(1)
        isStartOfLine = false
        break
      }
    }
    if (isStartOfLine) text = text.slice(1)
  }
  if (text[text.length - 1] === ' ') {
    let next: DomText | null = dom
    let isEndOfLine = true
    while (next !== null && (next = findTextInLine(next, true)) !== null) {
      if (next.text.replace(/^( |\t|\r?\n)+/, '').length > 0) {
        isEndOfLine = false
        break
      }
    }
    if (isEndOfLine) text = text.slice(0, -1)
  }
  return { node: text === '' ? null : { kind: 'text', text, format: 0, parent: null } }
}

// ---------------------------------------------------------------------------------------------
// Elements, as the body editor's nodes import them.

/** A <br> a browser does not render (the only or last one in a block) is not a line break. */
function isRenderedBreak(dom: DomElement): boolean {
  const parent = dom.parent
  if (!parent || !isBlockDomNode(parent)) return true
  const { children } = parent
  const last = children.length - 1
  return !(children[last] === dom || (children[last - 1] === dom && isWhitespaceText(children[last])))
}

function convertElement(dom: DomElement): Conversion | null {
  switch (dom.name) {
    case 'b':
      return { node: null, forChild: formatFromStyle(dom, css(dom, 'font-weight') === 'normal' ? undefined : 'bold') }
    case 'code': case 'em': case 'i': case 'mark': case 's': case 'strong': case 'sub': case 'sup': case 'u':
      return { node: null, forChild: formatFromStyle(dom, TAG_FORMAT[dom.name]) }
    case 'span':
      // Google Docs' title, an h1 to Lexical: the body editor's headings start at h2.
      return isGoogleDocsTitle(dom) ? { node: element('heading', { tag: 'h2' }) } : { node: null, forChild: formatFromStyle(dom) }
    case 'br':
      return isRenderedBreak(dom) ? { node: { kind: 'linebreak', parent: null } } : null
    case 'p': {
      if (isGoogleDocsTitle(dom.children[0])) return null
      const format = alignmentOf(dom) || (ALIGNMENTS.has(attribute(dom, 'align') ?? '') ? (attribute(dom, 'align') as string) : '')
      return { node: element('paragraph', { format, indent: indentOf(dom), direction: directionOf(dom) }) }
    }
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
      return { node: element('heading', { tag: dom.name, indent: indentOf(dom), format: alignmentOf(dom), direction: directionOf(dom) }) }
    case 'blockquote':
      return { node: element('quote', { format: alignmentOf(dom), indent: indentOf(dom), direction: directionOf(dom) }) }
    case 'ul': case 'ol': {
      const list = dom.name === 'ol' ? element('list', { listType: 'number', tag: 'ol', start: listStart(dom) }) : isChecklist(dom) ? element('list', { listType: 'check', tag: 'ul', start: 1 }) : element('list', { listType: 'bullet', tag: 'ul', start: 1 })
      list.direction = directionOf(dom)
      return { node: list, after: (children) => listItemsOf(children) }
    }
    case 'li': {
      const checkbox = checkboxOf(dom)
      if (checkbox === null) return { node: null }
      const ariaChecked = attribute(dom, 'aria-checked')
      const item = checkbox
        ? element('listitem', { checked: attribute(checkbox, 'checked') !== null })
        : element('listitem', { format: alignmentOf(dom), direction: directionOf(dom), checked: ariaChecked === 'true' ? true : ariaChecked === 'false' ? false : undefined })
      return {
        node: item,
        after: (children) => {
          const [first] = children
          if (children.length === 1 && first.kind === 'element' && first.type === 'paragraph' && item.format === '' && first.format !== '') {
            item.format = first.format
            return [...first.children]
          }
          return children
        },
      }
    }
    case 'hr':
      return { node: { kind: 'horizontalrule', parent: null } }
    case 'a': {
      const content = textContent(dom)
      if (content === '') return { node: null }
      return { node: element('link', { fields: { linkType: 'custom', newTab: attribute(dom, 'target') === '_blank', url: attribute(dom, 'href') ?? '' } }) }
    }
    case 'img':
      return dom.upload ? { node: { kind: 'upload', ...dom.upload, parent: null } } : null
    default:
      return null
  }
}

/**
 * The checkbox of a GitHub or Joplin task-list item, read as the item; undefined for any other item,
 * null when what should be its checkbox is another input (the item is then no item).
 */
function checkboxOf(dom: DomElement): DomElement | null | undefined {
  const classes = (attribute(dom, 'class') ?? '').split(/\s+/)
  const elements = dom.children.filter(isElement)
  let input: DomElement | undefined
  if (classes.includes('task-list-item')) input = elements.find((child) => child.name === 'input')
  if (!input && classes.includes('joplin-checkbox')) {
    const wrapper = elements.find((child) => (attribute(child, 'class') ?? '').split(/\s+/).includes('checkbox-wrapper') && child.children.some(isElement))
    const first = wrapper?.children.find(isElement)
    if (first?.name === 'input') input = first
  }
  if (!input) return undefined
  return attribute(input, 'type') === 'checkbox' ? input : null
}

function isGoogleDocsTitle(dom: Dom | undefined): boolean {
  return dom?.name === 'span' && css(dom, 'font-size') === '26pt'
}

function isChecklist(dom: DomElement): boolean {
  if (attribute(dom, '__lexicallisttype') === 'check' || (attribute(dom, 'class') ?? '').split(/\s+/).includes('contains-task-list') || attribute(dom, 'data-is-checklist') === '1') return true
  return dom.children.some((child) => isElement(child) && 'aria-checked' in child.attrs)
}

/** ListNode's $normalizeChildren: every child a list item, a nested list in an item of its own. */
function listItemsOf(nodes: Node[]): Node[] {
  const items: Node[] = []
  for (const node of nodes) {
    if (node.kind === 'element' && node.type === 'listitem') {
      items.push(node)
      if (node.children.length > 1) {
        for (const child of [...node.children]) {
          if (child.kind === 'element' && child.type === 'list') {
            const wrapper = element('listitem')
            append(wrapper, [child])
            items.push(wrapper)
          }
        }
      }
    } else {
      const wrapper = element('listitem')
      append(wrapper, [node])
      items.push(wrapper)
    }
  }
  return items
}

// ---------------------------------------------------------------------------------------------
// The walk ($createNodesFromDOM).

type Walk = { artificial: Element[] }

/** Appends to `nodes` what `dom` converts to. */
function createNodes(dom: Dom, walk: Walk, hasBlockAncestor: boolean, forChildren: ForChildren, nodes: Node[]): void {
  const conversion = isText(dom) ? convertText(dom) : convertElement(dom)
  let current: Node | null = null
  if (conversion) {
    const converted = conversion.node
    current = Array.isArray(converted) ? (converted[converted.length - 1] ?? null) : converted
    if (current) {
      for (const [, forChild] of forChildren) forChild(current)
      nodes.push(...(Array.isArray(converted) ? converted : [current]))
    }
    if (conversion.forChild) forChildren = withForChild(forChildren, dom.name, conversion.forChild)
  }
  if (isText(dom)) return

  const childrenHaveBlockAncestor = current !== null && isBlockElement(current) ? true : hasBlockAncestor
  let children: Node[] = []
  for (const child of dom.children) createNodes(child, walk, childrenHaveBlockAncestor, forChildren, children)
  if (conversion?.after) children = conversion.after(children)
  if (isBlockDomNode(dom)) {
    children = wrapContinuousInlines(dom, children, () => {
      if (!childrenHaveBlockAncestor) return element('paragraph')
      const artificial = element('artificial')
      walk.artificial.push(artificial)
      return artificial
    })
  }
  if (current === null) {
    if (children.length > 0) nodes.push(...children)
    else if (isBlockDomNode(dom) && isBetweenTwoInlineNodes(dom)) nodes.push({ kind: 'linebreak', parent: null })
  } else if (current.kind === 'element') {
    append(current, children)
  }
}

/** A tag's entry replaced where it is, or added last (Map.set). */
function withForChild(forChildren: ForChildren, name: string, forChild: ForChild): ForChildren {
  const index = forChildren.findIndex(([entry]) => entry === name)
  return index < 0 ? [...forChildren, [name, forChild]] : forChildren.map((entry, at) => (at === index ? [name, forChild] : entry))
}

function isBetweenTwoInlineNodes(dom: DomElement): boolean {
  const next = siblingOf(dom, 1)
  const previous = siblingOf(dom, -1)
  return next !== null && previous !== null && isInlineDomNode(next) && isInlineDomNode(previous)
}

function wrapContinuousInlines(dom: DomElement, nodes: Node[], createWrapper: () => Element): Node[] {
  const textAlign = css(dom, 'text-align')
  const alignment = ALIGNMENTS.has(textAlign) ? textAlign : ''
  const out: Node[] = []
  let inlines: Node[] = []
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    if (isBlockElement(node)) {
      if (textAlign && node.format === '' && alignment) node.format = alignment
      out.push(node)
    } else {
      inlines.push(node)
      if (i === nodes.length - 1 || isBlockElement(nodes[i + 1])) {
        const wrapper = createWrapper()
        wrapper.format = alignment
        append(wrapper, inlines)
        out.push(wrapper)
        inlines = []
      }
    }
  }
  return out
}

/** Each artificial block gives way to its children, a line break between two that were adjacent. */
function unwrapArtificial(artificial: Element[]): void {
  for (const node of artificial) {
    const parent = node.parent
    if (!parent) continue
    const index = parent.children.indexOf(node)
    const next = parent.children[index + 1]
    if (next?.kind === 'element' && next.type === 'artificial') parent.children.splice(index + 1, 0, { kind: 'linebreak', parent })
  }
  for (const node of artificial) {
    const parent = node.parent
    if (!parent) continue
    for (const child of node.children) child.parent = parent
    parent.children.splice(parent.children.indexOf(node), 1, ...node.children)
    node.parent = null
  }
}

/** What RangeSelection.insertNodes does with the top-level nodes in an empty root: inline runs become blocks. */
function intoRoot(nodes: Node[]): Node[] {
  const root = element('artificial')
  let block: Element | null = null
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    const isRun = node.kind === 'linebreak' || node.kind === 'text' || (node.kind === 'element' && (node.type === 'link' || node.type === 'listitem'))
    if (!isRun) {
      adopt(root, node)
      block = null
      continue
    }
    if (block === null) {
      block = node.kind === 'element' && node.type === 'listitem' ? element('list', { listType: 'bullet', tag: 'ul', start: 1 }) : element('paragraph')
      adopt(root, block)
      const next = nodes[i + 1]
      const nextIsRun = next !== undefined && (next.kind === 'linebreak' || next.kind === 'text' || (next.kind === 'element' && (next.type === 'link' || next.type === 'listitem')))
      if (node.kind === 'linebreak' && !nextIsRun) continue
    }
    append(block, [node])
  }
  return root.children
}

const isListItem = (node: Node): node is Element => node.kind === 'element' && node.type === 'listitem'
const isOrphanItem = (parent: Element, child: Node) => parent.type !== 'list' && isListItem(child)
const holdsOrphanItems = (node: Node): node is Element => node.kind === 'element' && node.children.some((child) => isOrphanItem(node, child) || holdsOrphanItems(child))

/**
 * ListItemNode's transform: items left outside a list (in a quote, a heading, a link) move into a list
 * of their own at the top level, the blocks around them split there and left out where empty.
 */
function liftOrphanItems(nodes: Node[]): Node[] {
  return nodes.flatMap((block): Node[] => {
    if (!holdsOrphanItems(block)) return [block]
    return splitAroundItems(block).map((part) => {
      if (!Array.isArray(part)) return part
      const list = element('list', { listType: 'bullet', tag: 'ul', start: 1 })
      append(list, part)
      return list
    })
  })
}

/** An element split around the orphan items in it: copies of it holding what is between, and runs of items. */
function splitAroundItems(block: Element): (Element | Element[])[] {
  const parts: (Element | Element[])[] = []
  const addItem = (item: Element) => {
    const last = parts[parts.length - 1]
    if (Array.isArray(last)) last.push(item)
    else parts.push([item])
  }
  const addNode = (node: Node) => {
    const last = parts[parts.length - 1]
    if (last && !Array.isArray(last)) return adopt(last, node)
    const copy: Element = { ...block, children: [], parent: null }
    adopt(copy, node)
    parts.push(copy)
  }
  for (const child of [...block.children]) {
    if (isOrphanItem(block, child)) addItem(child as Element)
    else if (holdsOrphanItems(child)) for (const part of splitAroundItems(child)) Array.isArray(part) ? part.forEach(addItem) : addNode(part)
    else addNode(child)
  }
  return parts
}

// ---------------------------------------------------------------------------------------------
// Lexical's normalisation when the update ends: adjacent lists of a type merge and are numbered,
// adjacent text of one format is one text node.

function normalize(nodes: Node[]): Node[] {
  const out: Node[] = []
  for (const node of nodes) {
    const previous = out[out.length - 1]
    if (node.kind === 'element') {
      node.children = normalize(node.children)
      if (node.type === 'list' && previous?.kind === 'element' && previous.type === 'list' && previous.listType === node.listType) {
        mergeLists(previous, node)
        continue
      }
    } else if (node.kind === 'text' && !node.tab) {
      if (node.text === '') continue
      if (previous?.kind === 'text' && !previous.tab && previous.format === node.format) {
        previous.text += node.text
        continue
      }
    }
    out.push(node)
  }
  return out
}

function mergeLists(list: Element, next: Element): void {
  const last = list.children[list.children.length - 1]
  const first = next.children[0]
  const nestedList = (node: Node | undefined) => (node?.kind === 'element' && node.type === 'listitem' && node.children[0]?.kind === 'element' && node.children[0].type === 'list' ? node.children[0] : null)
  const lastNested = nestedList(last)
  const firstNested = nestedList(first)
  if (lastNested && firstNested && lastNested.listType === firstNested.listType) {
    mergeLists(lastNested, firstNested)
    next.children.shift()
  }
  for (const child of next.children) child.parent = list
  list.children.push(...next.children)
}

// ---------------------------------------------------------------------------------------------
// Serialised as the editor stores it, each image lifted out of its paragraph as the admin's editor
// places images: a block of its own.

/** `itemIndent`: the indent of list items below, one more in each list nested straight in an item (ListItemNode.getIndent). */
function toJson(node: Node, itemIndent: number): LexicalNode {
  switch (node.kind) {
    case 'text':
      return { detail: node.tab ? 2 : 0, format: node.format, mode: 'normal', style: '', text: node.text, type: node.tab ? 'tab' : 'text', version: 1 }
    case 'linebreak':
      return { type: 'linebreak', version: 1 }
    case 'horizontalrule':
      return { type: 'horizontalrule', version: 1 }
    case 'upload':
      return { type: 'upload', version: 3, format: '', fields: {}, relationTo: node.relationTo, value: node.value, id: objectId() }
  }
  const json: LexicalNode = {
    children: jsonChildren(node.children, node.type === 'list' ? itemIndent : node.type === 'listitem' ? itemIndent + 1 : 0),
    direction: node.direction,
    format: node.format,
    indent: node.type === 'listitem' ? itemIndent : node.indent,
    type: node.type,
    version: node.type === 'link' ? 3 : 1,
  }
  if (node.type === 'paragraph') {
    const firstText = node.children.find((child): child is Text => child.kind === 'text')
    json.textFormat = firstText?.format ?? 0
    json.textStyle = ''
  } else if (node.type === 'heading') {
    json.tag = node.tag
  } else if (node.type === 'list') {
    json.listType = node.listType
    json.start = node.start
    json.tag = node.tag
  } else if (node.type === 'listitem') {
    // A list item is checked or not in a check list, and neither in any other.
    if (node.parent?.listType === 'check') json.checked = node.checked ?? false
    json.value = node.value
  } else if (node.type === 'link') {
    json.fields = node.fields
    json.id = objectId()
  }
  return json
}

function jsonChildren(nodes: Node[], itemIndent: number): LexicalNode[] {
  return nodes.map((node) => toJson(node, itemIndent))
}

/** ListNode's numbering: from its start, an item holding only a nested list taking no number. */
function numberLists(nodes: Node[]): void {
  for (const node of nodes) {
    if (node.kind !== 'element') continue
    if (node.type === 'list') {
      let value = node.start ?? 1
      for (const item of node.children) {
        if (item.kind !== 'element' || item.type !== 'listitem') continue
        item.value = value
        if (!(item.children[0]?.kind === 'element' && item.children[0].type === 'list')) value++
      }
    }
    numberLists(node.children)
  }
}

const isUpload = (node: LexicalNode) => node.type === 'upload'
const isBlank = (node: LexicalNode) => node.type === 'linebreak' || (node.type === 'text' && String(node.text ?? '').trim() === '')

/** A paragraph holding images becomes the text before, each image, and the text after. */
export function liftUploads(block: LexicalNode): LexicalNode[] {
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

let objectIdCounter = Math.floor(Math.random() * 0xffffff)
const objectIdProcess = Array.from({ length: 5 }, () => Math.floor(Math.random() * 256).toString(16).padStart(2, '0')).join('')

/** A 24-hex-digit id like the bson ObjectIds Payload gives link and upload nodes. */
function objectId(): string {
  objectIdCounter = (objectIdCounter + 1) % 0xffffff
  return Math.floor(Date.now() / 1000).toString(16).padStart(8, '0') + objectIdProcess + objectIdCounter.toString(16).padStart(6, '0')
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads an article's HTML body once: the images it shows (in order, their `src` and `alt`
 * trimmed), for the caller to resolve, then `toLexical` with where each image goes gives the body
 * field's Lexical state, as Payload's HTML converter would give it through the body editor, with
 * each image a block of its own. Nothing executable survives: scripts, styles, frames, event
 * handlers, javascript: and data: links; h1 reads as h2 and h5/h6 as h4.
 */
export function parseBody(html: string): ParsedBody {
  const { body, images } = cleanBody(html)
  return {
    images: images.map((img) => ({ src: (attribute(img, 'src') ?? '').trim(), alt: (attribute(img, 'alt') ?? '').trim() })),
    toLexical: (placeOf) => {
      // The conversion reads the cleaned tree and leaves it as it is: only images need a copy.
      const placed = images.length === 0 ? body : placeImages(body, (img) => placeOf((attribute(img, 'src') ?? '').trim()))
      const walk: Walk = { artificial: [] }
      const top: Node[] = []
      for (const child of placed.children) createNodes(child, walk, false, [], top)
      unwrapArtificial(walk.artificial)
      const children = normalize(liftOrphanItems(intoRoot(top)))
      numberLists(children)
      return { root: { children: jsonChildren(children, 0).flatMap(liftUploads), direction: null, format: '', indent: 0, type: 'root', version: 1 } }
    },
  }
}

/**
 * What HTML reads as, as one line of plain text: tags dropped (and the content of scripts, styles and
 * the like with them), character references decoded (`&amp;` is `&`, `&#8220;` is “), blocks and line
 * breaks kept apart by a space, and runs of white space made one.
 */
export function htmlText(html: string): string {
  const parts: string[] = []
  const visit = (node: DefaultTreeAdapterTypes.ChildNode) => {
    if (node.nodeName === '#text') parts.push((node as DefaultTreeAdapterTypes.TextNode).value)
    else if ('tagName' in node && !DROPPED_ELEMENTS.has(node.tagName)) {
      node.childNodes.forEach(visit)
      if (TEXT_BREAKS.has(node.tagName)) parts.push(' ')
    }
  }
  parseFragment(html, PARSE_OPTIONS).childNodes.forEach(visit)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

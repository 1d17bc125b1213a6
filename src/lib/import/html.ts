import { JSDOM } from 'jsdom'

import { isSafeLink } from '../richText/safeLinks'
import { MEDIA_SLUG } from '../../slugs'

export type BodyImage = { src: string; alt: string }

/** What an image in the body becomes: an upload of this media, a plain link, or nothing. */
export type ImagePlacement = { mediaId: number } | { link: string } | null

/** Elements whose content is code or foreign to an article, dropped whole. */
const DROPPED_ELEMENTS = 'script, style, noscript, template, iframe, frame, object, embed, applet, form, link, meta, base, svg, math'
/** Elements that end a run of text: their text is kept apart from the next one's by a space. */
const TEXT_BREAKS = 'br, p, div, section, article, h1, h2, h3, h4, h5, h6, li, dt, dd, blockquote, figure, figcaption, pre, tr, td, th, hr'
/** The body editor has h2 to h4: a story's own title is its h1, and h5/h6 read as h4. */
const HEADING_LEVELS: Record<string, string> = { H1: 'h2', H5: 'h4', H6: 'h4' }

/**
 * The body's HTML with nothing executable left in it (scripts, styles, frames, event handlers,
 * javascript: and data: links), headings fitted to the editor's levels, and the images it shows,
 * in order.
 */
export function cleanHtml(html: string): { html: string; images: BodyImage[] } {
  const { window } = new JSDOM(html)
  const body = window.document.body
  body.querySelectorAll(DROPPED_ELEMENTS).forEach((element) => element.remove())
  removeComments(window)
  body.querySelectorAll('*').forEach(removeEventHandlers)
  body.querySelectorAll('a').forEach((anchor) => {
    if (!isSafeLink(anchor.getAttribute('href')) || onlyWrapsAnImage(anchor)) unwrap(anchor)
  })
  body.querySelectorAll('h1, h5, h6').forEach((heading) => renameElement(heading, HEADING_LEVELS[heading.tagName]))
  const images = [...body.querySelectorAll('img')].map((img) => ({ src: (img.getAttribute('src') ?? '').trim(), alt: (img.getAttribute('alt') ?? '').trim() }))
  return { html: body.innerHTML, images }
}

let textDocument: Document | undefined

/**
 * What HTML reads as, as one line of plain text: tags dropped (and the content of scripts, styles and
 * the like with them), character references decoded (`&amp;` is `&`, `&#8220;` is “), blocks and line
 * breaks kept apart by a space, and runs of white space made one.
 */
export function htmlText(html: string): string {
  // An inert template, parsed in one document kept for the purpose: it is asked of every title.
  textDocument ??= new JSDOM('').window.document
  const template = textDocument.createElement('template')
  template.innerHTML = html
  const { content } = template
  content.querySelectorAll(DROPPED_ELEMENTS).forEach((element) => element.remove())
  content.querySelectorAll(TEXT_BREAKS).forEach((element) => element.after(' '))
  return (content.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * Puts each image where it belongs: an upload node (the converter reads these two attributes), a
 * link to where the image was, or nowhere. `placeOf` answers for each `src` found by `cleanHtml`.
 */
export function placeImages(html: string, placeOf: (src: string) => ImagePlacement): string {
  const { document } = new JSDOM(html).window
  document.body.querySelectorAll('img').forEach((img) => {
    const placement = placeOf((img.getAttribute('src') ?? '').trim())
    if (placement && 'mediaId' in placement) {
      img.setAttribute('data-lexical-upload-relation-to', MEDIA_SLUG)
      img.setAttribute('data-lexical-upload-id', String(placement.mediaId))
    } else if (placement) {
      const link = document.createElement('a')
      link.setAttribute('href', placement.link)
      link.textContent = img.getAttribute('alt')?.trim() || placement.link
      img.replaceWith(link)
    } else {
      img.remove()
    }
  })
  return document.body.innerHTML
}

function removeComments(window: JSDOM['window']): void {
  const walker = window.document.createTreeWalker(window.document.body, window.NodeFilter.SHOW_COMMENT)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  comments.forEach((comment) => comment.parentNode?.removeChild(comment))
}

function removeEventHandlers(element: Element): void {
  for (const name of element.getAttributeNames()) if (name.toLowerCase().startsWith('on')) element.removeAttribute(name)
}

/** WordPress links a picture to its full-size file: the picture itself is what the body shows. */
function onlyWrapsAnImage(anchor: Element): boolean {
  return anchor.querySelector('img') !== null && (anchor.textContent ?? '').trim() === ''
}

function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes)
}

function renameElement(element: Element, tagName: string): void {
  const renamed = element.ownerDocument.createElement(tagName)
  renamed.append(...element.childNodes)
  element.replaceWith(renamed)
}

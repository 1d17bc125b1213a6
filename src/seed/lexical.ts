import { randomBytes } from 'node:crypto'

import type {
  SerializedHeadingNode,
  SerializedLinkNode,
  SerializedListItemNode,
  SerializedListNode,
  SerializedParagraphNode,
  SerializedQuoteNode,
  SerializedTextNode,
  SerializedUploadNode,
} from '@payloadcms/richtext-lexical'

import type { Article } from '../payload-types'
import { MEDIA_SLUG } from '../slugs'

/**
 * Builders for Lexical editor state in exactly the shape the admin's editor saves, so seeded bodies
 * open and re-save in the admin without being migrated or rewritten.
 */

/** Lexical's text format bit flags. */
export const BOLD = 1
export const ITALIC = 2

export type InlineNode = SerializedLinkNode | SerializedTextNode
export type BlockNode =
  | SerializedHeadingNode
  | SerializedListNode
  | SerializedParagraphNode
  | SerializedQuoteNode
  | SerializedUploadNode
/** A plain string stands for unformatted text. */
export type Inline = InlineNode | string

const elementDefaults = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

/** Nodes that carry sub-fields (links, uploads) need their own id; Payload uses ObjectID-style hex. */
function nodeId(): string {
  return randomBytes(12).toString('hex')
}

function inlines(children: Inline[]): InlineNode[] {
  return children.map((child) => (typeof child === 'string' ? text(child) : child))
}

export function text(value: string, format = 0): SerializedTextNode {
  return { type: 'text', detail: 0, format, mode: 'normal', style: '', text: value, version: 1 }
}

export function bold(value: string): SerializedTextNode {
  return text(value, BOLD)
}

export function italic(value: string): SerializedTextNode {
  return text(value, ITALIC)
}

export function paragraph(...children: Inline[]): SerializedParagraphNode {
  const nodes = inlines(children)
  // The editor records the first text's format on the paragraph, so new typing continues in it.
  const first = nodes.find((node): node is SerializedTextNode => node.type === 'text')
  return { type: 'paragraph', children: nodes, ...elementDefaults, textFormat: first?.format ?? 0, textStyle: '' }
}

export function heading(tag: 'h2' | 'h3' | 'h4', ...children: Inline[]): SerializedHeadingNode {
  return { type: 'heading', tag, children: inlines(children), ...elementDefaults }
}

export function quote(...children: Inline[]): SerializedQuoteNode {
  return { type: 'quote', children: inlines(children), ...elementDefaults }
}

/** Each item is a string or a run of inline nodes. */
export function list(listType: 'bullet' | 'number', items: (Inline | Inline[])[]): SerializedListNode {
  const children: SerializedListItemNode[] = items.map((item, index) => ({
    type: 'listitem',
    value: index + 1,
    checked: undefined,
    children: inlines(Array.isArray(item) ? item : [item]),
    ...elementDefaults,
  }))
  return {
    type: 'list',
    listType,
    start: 1,
    tag: listType === 'bullet' ? 'ul' : 'ol',
    children,
    ...elementDefaults,
  }
}

export function link(url: string, label: string, options: { newTab?: boolean } = {}): SerializedLinkNode {
  return {
    type: 'link',
    id: nodeId(),
    fields: { url, newTab: options.newTab ?? true, linkType: 'custom' },
    children: [text(label)],
    ...elementDefaults,
    version: 3,
  }
}

/** An image placement; the caption belongs to this placement, not to the media document. */
export function upload(mediaId: number, caption?: string): SerializedUploadNode {
  return {
    type: 'upload',
    id: nodeId(),
    relationTo: MEDIA_SLUG,
    value: mediaId,
    fields: caption ? { caption } : {},
    format: '',
    version: 3,
  }
}

export type EditorState = NonNullable<Article['body']>

export function editorState(...children: BlockNode[]): EditorState {
  return { root: { type: 'root', children, ...elementDefaults } }
}

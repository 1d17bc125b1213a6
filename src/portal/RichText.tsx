import type { ReactNode } from 'react'

import { safeHref } from '../lib/portal/links'
import { imageSources } from './media'
import type { LexicalNode, MediaImage } from './types'
import { ARTICLES_SLUG } from '../slugs'

/** Lexical's text format bit flags. */
const FORMATS: [number, (children: ReactNode, key: number) => ReactNode][] = [
  [1, (c, k) => <strong key={k}>{c}</strong>],
  [2, (c, k) => <em key={k}>{c}</em>],
  [4, (c, k) => <s key={k}>{c}</s>],
  [8, (c, k) => <u key={k}>{c}</u>],
  [16, (c, k) => <code key={k}>{c}</code>],
  [32, (c, k) => <sub key={k}>{c}</sub>],
  [64, (c, k) => <sup key={k}>{c}</sup>],
]

const HEADINGS = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h5', h6: 'h6' } as const

type Internal = { relationTo?: string; value?: { slug?: string } | number }

function linkHref(fields: { url?: unknown; linkType?: unknown; doc?: Internal } | undefined): string | null {
  if (fields?.linkType === 'internal') {
    const doc = fields.doc
    return doc?.relationTo === ARTICLES_SLUG && typeof doc.value === 'object' && doc.value?.slug ? `/articles/${doc.value.slug}` : null
  }
  return safeHref(fields?.url)
}

function children(node: LexicalNode): ReactNode[] {
  return (node.children ?? []).map((child, index) => renderNode(child, index))
}

function renderNode(node: LexicalNode, key: number): ReactNode {
  switch (node.type) {
    case 'text': {
      const format = typeof node.format === 'number' ? node.format : 0
      return FORMATS.reduce<ReactNode>((content, [bit, wrap]) => (format & bit ? wrap(content, key) : content), String(node.text ?? ''))
    }
    case 'linebreak':
      return <br key={key} />
    case 'tab':
      return '\t'
    case 'paragraph':
      return <p key={key}>{children(node)}</p>
    case 'heading': {
      const Tag = HEADINGS[node.tag as keyof typeof HEADINGS] ?? 'h2'
      return <Tag key={key}>{children(node)}</Tag>
    }
    case 'quote':
      return <blockquote key={key}>{children(node)}</blockquote>
    case 'list': {
      const Tag = node.listType === 'number' ? 'ol' : 'ul'
      return <Tag key={key}>{children(node)}</Tag>
    }
    case 'listitem':
      return <li key={key}>{children(node)}</li>
    case 'link':
    case 'autolink': {
      const fields = node.fields as { url?: unknown; linkType?: unknown; newTab?: unknown; doc?: Internal } | undefined
      const href = linkHref(fields)
      if (!href) return <span key={key}>{children(node)}</span>
      const external = /^https?:/i.test(href)
      return (
        <a key={key} href={href} {...(fields?.newTab ? { target: '_blank' } : {})} {...(external ? { rel: 'noopener noreferrer' } : {})}>
          {children(node)}
        </a>
      )
    }
    case 'upload':
      return <BodyImage key={key} node={node} />
    case 'horizontalrule':
      return <hr key={key} />
    default:
      return node.children ? <div key={key}>{children(node)}</div> : null
  }
}

function BodyImage({ node }: { node: LexicalNode }) {
  const image = node.value as MediaImage | number | null
  if (!image || typeof image !== 'object') return null
  const sources = imageSources(image)
  if (!sources) return null
  const caption = (node.fields as { caption?: string } | undefined)?.caption || image.caption
  return (
    <figure>
      <img {...sources} sizes="(max-width: 760px) 100vw, 720px" alt={image.alt} loading="lazy" decoding="async" />
      {(caption || image.credit) && (
        <figcaption>
          {caption}
          {image.credit && <span className="credit">{image.credit}</span>}
        </figcaption>
      )}
    </figure>
  )
}

/** An article body (Lexical JSON) as semantic HTML; text goes through React, never raw HTML. */
export function RichText({ root }: { root: LexicalNode }) {
  return <>{children(root)}</>
}

import { convertHTMLToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { JSDOM } from 'jsdom'
import type { Payload } from 'payload'

import { articleBodyEditor } from '../../fields/articleBodyEditor'
import { finishBody, type LexicalState } from '../../lib/import/lexicalBody'

/**
 * HTML to the article body's Lexical JSON, through the body editor's own features: what the
 * editor cannot hold (tables, colours) is reduced to what it can, as pasting into the admin would.
 */
export async function htmlToBody(payload: Payload): Promise<(html: string) => LexicalState> {
  const editorConfig = await editorConfigFactory.fromEditor({ config: payload.config, editor: articleBodyEditor })
  return (html) => finishBody(convertHTMLToLexical({ editorConfig, html, JSDOM }) as unknown as LexicalState)
}

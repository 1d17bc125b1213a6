import { type Language, quoted } from '../i18n/translate'
import { forEachLexicalNode } from '../richText/lexicalNodes'
import { hitContext, type Screener } from '../screening'

/** The article's texts the word lists read, as the admin labels them (`images`: the captions and alt texts of its images). */
export const ARTICLE_FIELD_LABELS = {
  title: { en: 'Title', zh: '标题' },
  summary: { en: 'Summary', zh: '摘要' },
  source: { en: 'Source', zh: '来源' },
  body: { en: 'Body', zh: '正文' },
  images: { en: 'Image captions', zh: '图片说明' },
} as const

/** A listed word found in an article, where, and the text around it, for the editor to fix. */
export type ArticleHit = { field: string; word: string; matched: string; action: 'reject' | 'review'; context: string }

export type ArticleHits = { reject: ArticleHit[]; review: ArticleHit[] }

/**
 * The listed words in an article's texts (title, summary, body, captions, source). Only
 * `reject` and `review` words count here: `mask` is for readers' comments, and an article is never
 * changed automatically.
 */
export function findArticleHits(texts: readonly { field: string; text: string }[], screener: Screener): ArticleHits {
  const result: ArticleHits = { reject: [], review: [] }
  for (const { field, text } of texts) {
    if (!text) continue
    for (const hit of screener.scan(text)) {
      if (hit.action !== 'reject' && hit.action !== 'review') continue
      result[hit.action].push({ field, word: hit.phrase, matched: hit.matched, action: hit.action, context: hitContext(text, hit, 15) })
    }
  }
  return result
}

/** Review words that no override has let through yet: these still need the editor-in-chief. */
export function wordsNeedingOverride(review: readonly ArticleHit[], overridden: unknown): string[] {
  const letThrough = new Set(Array.isArray(overridden) ? overridden.filter((word): word is string => typeof word === 'string') : [])
  return [...new Set(review.map((hit) => hit.word))].filter((word) => !letThrough.has(word))
}

/** The hits as a refusal names them, in the reader's language: the word, the field by its label, the text around it. */
export function describeHits(hits: readonly ArticleHit[], language: Language): string {
  const fieldLabel = (field: string) => (field in ARTICLE_FIELD_LABELS ? ARTICLE_FIELD_LABELS[field as keyof typeof ARTICLE_FIELD_LABELS][language] : field)
  const [open, close, separator] = language === 'zh' ? ['（', '）：', '；'] : [' (', '): ', '; ']
  return hits.map((hit) => `${quoted(hit.matched, language)}${open}${fieldLabel(hit.field)}${close}…${hit.context}…`).join(separator)
}

/** The upload ids a Lexical body shows (images in the text), whose captions are screened too. */
export function uploadIdsInLexical(state: unknown): number[] {
  const ids = new Set<number>()
  forEachLexicalNode(state, ({ type, value }) => {
    if (type !== 'upload') return
    const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
    if (typeof id === 'number') ids.add(id)
  })
  return [...ids]
}

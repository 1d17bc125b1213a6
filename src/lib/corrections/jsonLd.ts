import { CORRECTION_KIND_LABELS, CORRECTION_KINDS, type CorrectionKind } from './statuses'

export type CorrectionCommentLd = { '@type': 'CorrectionComment'; text: string; datePublished: string }

type CorrectionEntry = { date?: string | null; kind?: CorrectionKind | null; text?: string | null }

function kindOf(kind: unknown): CorrectionKind {
  return typeof kind === 'string' && (CORRECTION_KINDS as readonly string[]).includes(kind)
    ? (kind as CorrectionKind)
    : 'correction'
}

/**
 * schema.org CorrectionComment items for the article's JSON-LD (`correction` property), oldest first:
 * { '@type': 'CorrectionComment', text, datePublished }; text prefixed by the kind label:
 * '更正：…' / '说明：…' / '撤稿：…'.
 *
 * An entry without text or without a valid date is left out: search engines reject a
 * CorrectionComment missing either, and an empty notice tells the reader nothing. A missing kind
 * reads as a correction, the common case.
 */
export function correctionJsonLd(corrections: readonly CorrectionEntry[]): CorrectionCommentLd[] {
  if (!Array.isArray(corrections)) return []
  const items: { time: number; index: number; item: CorrectionCommentLd }[] = []
  corrections.forEach((entry, index) => {
    if (!entry || typeof entry.text !== 'string' || typeof entry.date !== 'string') return
    const body = entry.text.trim()
    const time = Date.parse(entry.date)
    if (body === '' || Number.isNaN(time)) return
    const label = CORRECTION_KIND_LABELS[kindOf(entry.kind)].zh
    // Editors sometimes type the label themselves; it must not appear twice.
    const text = body.startsWith(`${label}：`) || body.startsWith(`${label}:`) ? body : `${label}：${body}`
    items.push({ time, index, item: { '@type': 'CorrectionComment', text, datePublished: new Date(time).toISOString() } })
  })
  // Same-day notices keep the order the editors gave them.
  items.sort((a, b) => a.time - b.time || a.index - b.index)
  return items.map(({ item }) => item)
}

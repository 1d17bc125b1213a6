/** Characters a snippet shows before the first query word; it reaches twice as far past it. */
export const SNIPPET_RADIUS = 40

/**
 * A short excerpt of `text` around the first place a query word occurs, every occurrence wrapped
 * in <mark>…</mark>. Everything else is HTML-escaped, so the snippet is safe to insert as HTML.
 * `continues`: `text` is the start of a longer one, cut past where the excerpt can reach.
 */
export function highlightSnippet(text: string, words: readonly string[], radius = SNIPPET_RADIUS, continues = false): string {
  const plain = text.replace(/\s+/g, ' ').trim()
  const lower = plain.toLowerCase()
  const terms = [...new Set(words.map((word) => word.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length)
  const first = terms.map((term) => lower.indexOf(term)).filter((index) => index >= 0).sort((a, b) => a - b)[0]
  const start = first === undefined ? 0 : Math.max(0, first - radius)
  const end = Math.min(plain.length, (first ?? 0) + radius * 2)
  const excerpt = plain.slice(start, end)
  return `${start > 0 ? '…' : ''}${mark(excerpt, terms)}${end < plain.length || continues ? '…' : ''}`
}

function mark(text: string, terms: readonly string[]): string {
  if (terms.length === 0) return escapeHtml(text)
  const lower = text.toLowerCase()
  let out = ''
  // The text since the last mark, escaped in one go (a search answer has ten snippets to build).
  let unmarked = 0
  for (let i = 0; i < text.length; ) {
    const term = terms.find((candidate) => lower.startsWith(candidate, i))
    if (term) {
      out += `${escapeHtml(text.slice(unmarked, i))}<mark>${escapeHtml(text.slice(i, i + term.length))}</mark>`
      i += term.length
      unmarked = i
    } else {
      i += 1
    }
  }
  return out + escapeHtml(text.slice(unmarked))
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/**
 * A short excerpt of `text` around the first place a query word occurs, every occurrence wrapped
 * in <mark>…</mark>. Everything else is HTML-escaped, so the snippet is safe to insert as HTML.
 */
export function highlightSnippet(text: string, words: readonly string[], radius = 40): string {
  const plain = text.replace(/\s+/g, ' ').trim()
  const lower = plain.toLowerCase()
  const terms = [...new Set(words.map((word) => word.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length)
  const first = terms.map((term) => lower.indexOf(term)).filter((index) => index >= 0).sort((a, b) => a - b)[0]
  const start = first === undefined ? 0 : Math.max(0, first - radius)
  const end = Math.min(plain.length, (first ?? 0) + radius * 2)
  const excerpt = plain.slice(start, end)
  return `${start > 0 ? '…' : ''}${mark(excerpt, terms)}${end < plain.length ? '…' : ''}`
}

function mark(text: string, terms: readonly string[]): string {
  if (terms.length === 0) return escapeHtml(text)
  const lower = text.toLowerCase()
  let out = ''
  let i = 0
  while (i < text.length) {
    const term = terms.find((candidate) => lower.startsWith(candidate, i))
    if (term) {
      out += `<mark>${escapeHtml(text.slice(i, i + term.length))}</mark>`
      i += term.length
    } else {
      out += escapeHtml(text[i])
      i += 1
    }
  }
  return out
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

type SnippetPart = { text: string; marked: boolean }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" }

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_match, name: string) => ENTITIES[name])
}

/**
 * The search API's snippet is HTML: the query's words in `<mark>`, everything else escaped. The
 * portal never injects it as HTML: it splits it into plain runs, marked or not, for React to render
 * as text. Any other tag stays visible as text.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  const pattern = /<mark>([\s\S]*?)<\/mark>/g
  let last = 0
  for (let match = pattern.exec(snippet); match; match = pattern.exec(snippet)) {
    if (match.index > last) parts.push({ text: unescapeHtml(snippet.slice(last, match.index)), marked: false })
    parts.push({ text: unescapeHtml(match[1]), marked: true })
    last = match.index + match[0].length
  }
  if (last < snippet.length) parts.push({ text: unescapeHtml(snippet.slice(last)), marked: false })
  return parts.filter((part) => part.text !== '')
}

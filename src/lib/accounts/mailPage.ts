import type { Language } from '../i18n/translate'

/** A paragraph (HTML), or a passage someone wrote, quoted as it was written (text). */
type MailLine = string | { quote: string }

type MailText = { title: string; lines: readonly MailLine[] }

/** An email's HTML, its text in `language`. */
export function mailPage(language: Language, { title, lines }: MailText): string {
  const lang = language === 'zh' ? 'zh-CN' : 'en'
  return `<!doctype html><html lang="${lang}"><body><h1>${title}</h1>${lines.map((line) => (typeof line === 'string' ? `<p>${line}</p>` : `<blockquote>${escapeHtml(line.quote)}</blockquote>`)).join('')}</body></html>`
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

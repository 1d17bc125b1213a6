import type { Language } from '../i18n/translate'

type MailText = { title: string; lines: readonly string[] }

/** An email's HTML, its text in `language`. */
export function mailPage(language: Language, { title, lines }: MailText): string {
  const lang = language === 'zh' ? 'zh-CN' : 'en'
  return `<!doctype html><html lang="${lang}"><body><h1>${title}</h1>${lines.map((line) => `<p>${line}</p>`).join('')}</body></html>`
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

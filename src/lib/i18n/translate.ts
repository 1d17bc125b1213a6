import { MESSAGES } from './messages'

/** The languages people read the CMS in: the admin's two, and the answers the API gives. */
export const LANGUAGES = ['zh', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** A name shown to people (a state, an action, a field), in each language. */
export type Label = Readonly<Record<Language, string>>

/** The language of a Payload i18n language code (`req.i18n.language`, `useTranslation().i18n.language`); Chinese unless English. */
export const languageOfCode = (code: string | undefined): Language => (code === 'en' ? 'en' : 'zh')

/** A name quoted as the language quotes names: 「降准」, "RRR cut". */
export const quoted = (text: string, language: Language): string => (language === 'zh' ? `「${text}」` : `"${text}"`)

export type MessageCode = keyof typeof MESSAGES
export type MessageValue = string | number | Label | readonly Label[] | Message

/**
 * What to tell a person, before it is put in their language: a stable code (front ends branch on
 * it; it is also the text's key) and the values its text names.
 */
export type Message = { code: MessageCode; values?: Readonly<Record<string, MessageValue>> }

/** The language of a command-line user: their locale (LC_ALL, LC_MESSAGES, LANG) when it is Chinese, else English. */
export function languageOfLocale(env: Readonly<Record<string, string | undefined>>): Language {
  return /^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh' : 'en'
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g

/** The message's text in `language`; a label is quoted as that language quotes names, a list of them read as "a, b or c". */
export function translate({ code, values = {} }: Message, language: Language): string {
  return MESSAGES[code][language].replace(PLACEHOLDER, (_, name: string) => render(values[name], language))
}

/** The `{{names}}` a text uses, for the check that both languages of a message name the same values. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]).sort()

function render(value: MessageValue | undefined, language: Language): string {
  if (value === undefined) return ''
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (isMessage(value)) return translate(value, language)
  const quote = (label: Label) => quoted(label[language], language)
  if (!isLabelList(value)) return quote(value)
  const names = value.map(quote)
  const [comma, or] = language === 'zh' ? ['、', '或'] : [', ', ' or ']
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(comma)}${or}${names.at(-1)}`
}

const isLabelList = (value: Label | readonly Label[]): value is readonly Label[] => Array.isArray(value)
const isMessage = (value: Exclude<MessageValue, string | number>): value is Message => 'code' in value

import { MESSAGES } from '../i18n/messages'
import { type Label, type Language, type Message, quoted, translate } from '../i18n/translate'
import { COMMENT_STATUS_LABELS, type ScreeningNote } from './types'

/** The rules that hold a stored comment or reject it, and masking, as a summary names them. */
const RULE_LABELS: Readonly<Record<string, Label>> = {
  bannedWords: { zh: '禁用词', en: 'banned words' },
  repeat: { zh: '重复发布', en: 'repeat post' },
  links: { zh: '链接过多', en: 'too many links' },
  suspectWords: { zh: '待审词', en: 'words to review' },
  newCommenter: { zh: '新读者', en: 'new commenter' },
  mask: { zh: '已屏蔽', en: 'masked' },
}
/** The phases that hold a comment for a moderator (their notes name them; `mode` then decides "pending"). */
const HOLDING_RULES = ['repeat', 'links', 'suspectWords', 'newCommenter']

export type ScreeningReason = { rule: string; label: Label; words: string[] }
export type ScreeningSummary = { status: 'rejected' | 'pending' | null; reasons: ScreeningReason[] }

/**
 * What decided a stored comment's status at submission, from its `screening` notes: rejected for
 * banned words, held by the rules that held it, or else what the moderation mode decided; words
 * masked on the way are named too. Anything that is not a list of notes summarises to nothing.
 */
export function summariseScreening(screening: unknown): ScreeningSummary {
  const notes = Array.isArray(screening) ? screening.filter(isNote) : []
  const masked = notes.filter((note) => note.rule === 'mask').map(reasonOf)
  const banned = notes.filter((note) => note.rule === 'bannedWords')
  if (banned.length) return { status: 'rejected', reasons: [...banned.map(reasonOf), ...masked] }
  const holding = notes.filter((note) => HOLDING_RULES.includes(note.rule))
  if (holding.length) return { status: 'pending', reasons: [...holding.map(reasonOf), ...masked] }
  // The mode's own note says what it decided and why (post-moderation, a trusted reader, everything held).
  return { status: null, reasons: [...notes.filter((note) => note.rule !== 'mask').map(reasonOf), ...masked] }
}

/** The summary as one line: `待审核：待审词「内幕消息」；新读者`, `Pending: words to review "内幕消息"; new commenter`. */
export function describeScreening(screening: unknown, language: Language): string {
  const { status, reasons } = summariseScreening(screening)
  const [listSeparator, wordSeparator, colon] = language === 'zh' ? ['；', '、', '：'] : ['; ', ', ', ': ']
  const described = reasons
    .map(({ label, words }) => `${label[language]}${words.length ? `${language === 'zh' ? '' : ' '}${words.map((word) => quoted(word, language)).join(wordSeparator)}` : ''}`)
    .join(listSeparator)
  return status && described ? `${COMMENT_STATUS_LABELS[status][language]}${colon}${described}` : described
}

/** A stored note: as the pipeline records it now (a message), or a `detail` of comments stored before. */
type StoredNote = Pick<ScreeningNote, 'rule' | 'words'> & ({ message: Message } | { detail: string })

function isNote(value: unknown): value is StoredNote {
  const note = value as { rule?: unknown; message?: { code?: unknown }; detail?: unknown } | null
  if (typeof note !== 'object' || note === null || typeof note.rule !== 'string') return false
  return typeof note.detail === 'string' || (typeof note.message?.code === 'string' && note.message.code in MESSAGES)
}

function reasonOf(note: StoredNote): ScreeningReason {
  const words = Array.isArray(note.words) ? note.words.filter((word): word is string => typeof word === 'string') : []
  return { rule: note.rule, label: RULE_LABELS[note.rule] ?? labelOfNote(note), words }
}

/** A note's message in each language; an older note's detail, "Chinese / English", split into its languages. */
function labelOfNote(note: StoredNote): Label {
  if ('message' in note) return { zh: translate(note.message, 'zh'), en: translate(note.message, 'en') }
  const { detail } = note
  const at = detail.indexOf(' / ')
  return at < 0 ? { zh: detail, en: detail } : { zh: detail.slice(0, at), en: detail.slice(at + 3) }
}

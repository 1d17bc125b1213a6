import type { AuditLog } from '../../payload-types'
import { type FieldChange, truncate } from './changes'

export type AuditAction = AuditLog['action']

const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: '新建',
  update: '更新',
  delete: '删除',
  transition: '审核流转',
  publish: '发布',
  unpublish: '撤下',
  override: '敏感词放行',
  'role-change': '角色变更',
  login: '登录',
  'login-failed': '登录失败',
  import: '导入',
  'reveal-phone': '查看手机号',
}

const DRAFT_UPDATE_LABEL = '更新草稿'
const TITLE_LENGTH = 40
const SUMMARY_LENGTH = 300
const EMAIL_LENGTH = 100

type Status = { _status?: string | null } | null | undefined

/**
 * What a save did to a document with drafts, judged by its live row (what readers see) before and
 * after: it went live, was taken down, or changed (a live edit, or nothing public at all).
 */
export function classifyArticleChange(before: Status, after: Status): 'publish' | 'unpublish' | 'update' {
  const wasLive = before?._status === 'published'
  const isLive = after?._status === 'published'
  if (!wasLive && isLive) return 'publish'
  if (wasLive && !isLive) return 'unpublish'
  return 'update'
}

export type RoleChange = { added: string[]; removed: string[] }

export function roleChange(before: readonly string[] | null | undefined, after: readonly string[] | null | undefined): RoleChange {
  const had = new Set(before ?? [])
  const has = new Set(after ?? [])
  return { added: [...has].filter((role) => !had.has(role)), removed: [...had].filter((role) => !has.has(role)) }
}

/** `+editor-in-chief, −editor` */
export function describeRoleChange({ added, removed }: RoleChange): string {
  return [...added.map((role) => `+${role}`), ...removed.map((role) => `−${role}`)].join(', ')
}

export type AuditTarget = { collection: string; id?: string | number | null; title?: string | null }

/**
 * The entry's one line, e.g. `更新 articles #12「标题」: title, summary`: the action in Chinese, the
 * target as collection slug, id and title, then `detail` or else the changed fields' names.
 */
export function summarise(entry: { action: AuditAction; target?: AuditTarget | null; changes?: readonly FieldChange[] | null; detail?: string | null; draft?: boolean }): string {
  const { action, target, changes, detail, draft } = entry
  const label = draft && action === 'update' ? DRAFT_UPDATE_LABEL : AUDIT_ACTION_LABELS[action]
  const id = target?.id !== undefined && target.id !== null && target.id !== '' ? ` #${target.id}` : ''
  const title = target?.title?.trim() ? `「${truncate(target.title.trim().replace(/\s+/g, ' '), TITLE_LENGTH)}」` : ''
  const head = [label, target ? `${target.collection}${id}${title}` : ''].filter(Boolean).join(' ')
  const tail = detail ?? (changes ?? []).map((change) => change.field).join(', ')
  return truncate(tail ? `${head}: ${tail}` : head, SUMMARY_LENGTH)
}

export type AuditActor = { collection: string | null; id: string | null; name: string }

/**
 * Who acted: a logged-in account by its name (staff, API clients) or display name (readers), its
 * email only when it has neither; without one, `anonymous` for a request from outside and `system`
 * for the server's own work (jobs, start-up).
 */
export function describeActor(user: { collection?: string; id?: string | number; name?: unknown; displayName?: unknown; email?: unknown } | null | undefined, fromOutside: boolean): AuditActor {
  if (!user) return { collection: null, id: null, name: fromOutside ? 'anonymous' : 'system' }
  const name = [user.name, user.displayName, user.email].find((value): value is string => typeof value === 'string' && value.trim() !== '')
  return { collection: user.collection ?? null, id: user.id === undefined ? null : String(user.id), name: truncate(name ?? `#${user.id}`, TITLE_LENGTH) }
}

/** The email someone tried to log in with, as Payload compares it (trimmed, lower case), kept short. */
export function attemptedEmail(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? truncate(value.trim().toLowerCase(), EMAIL_LENGTH) : '(no email)'
}

import type {
  AfterErrorHook,
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterLoginHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  CollectionSlug,
  Field,
  PayloadRequest,
} from 'payload'

import { adminOnlyPersonalDataFields } from '../../fields/adminOnlyPersonalData'
import { attemptedEmail, type AuditAction, type AuditActor, type AuditTarget, classifyArticleChange, describeActor, describeRoleChange, diffFields, type FieldChange, roleChange, summarise } from '../../lib/audit'
import { CLIENT_IP_HEADER } from '../../lib/http/clientIp'
import { liveRowBefore, saveKindOf } from './noteSaveKind'
import { AUDIT_LOG_SLUG, NOTIFICATIONS_SLUG, USERS_SLUG, WEBHOOK_DELIVERIES_SLUG } from '../../slugs'

/**
 * Delivery attempts would flood the log; the log itself is written only by this module; a reader's
 * notice follows a moderation decision the log has already. (Payload's own collections, such as jobs
 * and preferences, never pass through the wrapper.)
 */
const UNAUDITED_COLLECTIONS: ReadonlySet<string> = new Set([AUDIT_LOG_SLUG, WEBHOOK_DELIVERIES_SLUG, NOTIFICATIONS_SLUG])

export type AuditEntry = {
  action: AuditAction
  target?: AuditTarget
  changes?: FieldChange[]
  /** Ends the summary instead of the changed fields' names, e.g. `in-review → approved: 请补充数据来源`. */
  detail?: string
  /** An update of a draft, not of what readers see. */
  draft?: boolean
  /** Who acted, when not the request's user. */
  actor?: AuditActor
  /** The email a failed login tried: kept apart from the summary, for admins only. */
  attemptedEmail?: string
}

/**
 * Writes one audit entry as part of the request's transaction, so it is rolled back with the change
 * it records. The actor is the request's user unless the entry names one; the address is the
 * client's, as the Express server saw it. Nothing is written for work marked `context.skipAudit`.
 */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  if (req.context.skipAudit === true) return
  const actor = entry.actor ?? describeActor(req.user, req.payloadAPI !== 'local')
  await req.payload.create({
    collection: AUDIT_LOG_SLUG,
    data: {
      at: new Date().toISOString(),
      action: entry.action,
      actorCollection: actor.collection,
      actorId: actor.id,
      actorName: actor.name,
      targetCollection: entry.target?.collection ?? null,
      targetId: entry.target?.id === undefined || entry.target.id === null ? null : String(entry.target.id),
      summary: summarise(entry),
      changes: entry.changes && entry.changes.length > 0 ? entry.changes : null,
      ip: req.headers?.get(CLIENT_IP_HEADER) ?? null,
      attemptedEmail: entry.attemptedEmail ?? null,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/**
 * Runs `work` without the automatic entries, for a caller that records the change itself with
 * `recordAudit` once `work` is done (a review transition is one `transition` entry, not also an
 * `update`). Entries asked for inside `work` are not written either.
 */
export async function withoutAutomaticAudit<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const before = req.context.skipAudit
  req.context.skipAudit = true
  try {
    return await work()
  } finally {
    req.context.skipAudit = before
  }
}

const LOGIN_ATTEMPT_KEY = 'newsroom.audit.loginAttempt'
type LoginAttempt = { collection: string; email: unknown }

/**
 * Records every create, update and delete of the collection, with the fields that changed. For a
 * collection with drafts, a save that takes the live document public or down is a `publish` or an
 * `unpublish`; a draft save is an `update` of the draft, and autosaves (every two seconds while
 * someone types) are left to the versions. A staff account's roles changing is a `role-change` of
 * its own; an account collection's logins are recorded too (failed ones by `recordFailedLogins`).
 */
export function auditingCollection(collection: CollectionConfig): CollectionConfig {
  if (UNAUDITED_COLLECTIONS.has(collection.slug)) return collection
  const slug = collection.slug as CollectionSlug
  const hasDrafts = Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)
  // A client's address is the entry's own `ip`, which only admins read; the log's other readers must not see it in `changes`.
  const ignore = [
    ...derivedFieldNames(collection.fields),
    ...adminOnlyPersonalDataFields(collection.fields),
    ...(collection.upload ? ['url', 'thumbnailURL', 'sizes'] : []),
    ...(slug === USERS_SLUG ? ['roles'] : []),
  ]
  // The log's readers include the editor-in-chief, who is not shown staff or readers' emails elsewhere.
  const conceal = collection.auth ? ['email', 'pendingEmail'] : []
  const titleField = collection.admin?.useAsTitle
  const passwordChangedKey = `newsroom.audit.passwordChanged.${slug}`

  const targetOf = (doc: Record<string, unknown>): AuditTarget => ({
    collection: slug,
    id: doc.id as number,
    title: titleField && typeof doc[titleField] === 'string' ? (doc[titleField] as string) : null,
  })

  const noteOperation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
    const { data } = args as { data?: { password?: unknown; email?: unknown } }
    if (operation === 'login') {
      req.context[LOGIN_ATTEMPT_KEY] = { collection: slug, email: data?.email } satisfies LoginAttempt
    }
    if (operation === 'update' || operation === 'updateByID') {
      req.context[passwordChangedKey] = typeof data?.password === 'string' && data.password !== ''
    }
    return args
  }

  // Publishing is judged by the live row (`originalDoc` is the latest version, perhaps a draft).
  const rememberLiveRow: CollectionBeforeChangeHook = async ({ context, data, operation, originalDoc, req }) => {
    if (operation === 'update' && originalDoc && saveKindOf(context, slug) === 'live' && context.skipAudit !== true) {
      await liveRowBefore(req, slug, originalDoc.id)
    }
    return data
  }

  const afterChange: CollectionAfterChangeHook = async ({ context, doc, operation, previousDoc, req }) => {
    if (context.skipAudit === true) return doc
    const saveKind = saveKindOf(context, slug)
    const target = targetOf(doc)
    if (operation === 'create') {
      const action = hasDrafts && classifyArticleChange(null, doc) === 'publish' ? 'publish' : 'create'
      await recordAudit(req, { action, target, changes: diffFields(null, doc, { ignore, conceal }) })
      return doc
    }
    if (saveKind === 'autosave') return doc
    // A save that rewrote the live row is judged, and compared, against what readers saw before it.
    const liveBefore = hasDrafts && saveKind === 'live' ? ((await liveRowBefore(req, slug, doc.id)) ?? previousDoc) : null
    const action = liveBefore ? classifyArticleChange(liveBefore, doc) : 'update'
    const changes = diffFields(liveBefore ?? previousDoc, doc, { ignore, conceal })
    if (context[passwordChangedKey] === true) changes.push({ field: 'password', changed: true })
    if (slug === USERS_SLUG) await recordRoleChange(req, target, previousDoc?.roles, doc.roles)
    if (changes.length > 0 || action !== 'update') await recordAudit(req, { action, target, changes, draft: saveKind === 'draft' })
    return doc
  }

  const afterDelete: CollectionAfterDeleteHook = async ({ context, doc, req }) => {
    if (context.skipAudit === true) return doc
    await recordAudit(req, { action: 'delete', target: targetOf(doc), changes: diffFields(doc, null, { ignore, conceal }) })
    return doc
  }

  const afterLogin: CollectionAfterLoginHook = async ({ req, user }) => {
    delete req.context[LOGIN_ATTEMPT_KEY]
    await recordAudit(req, { action: 'login', target: targetOf(user) })
    return user
  }

  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), noteOperation],
      beforeChange: [...(hooks.beforeChange ?? []), ...(hasDrafts ? [rememberLiveRow] : [])],
      afterChange: [...(hooks.afterChange ?? []), afterChange],
      afterDelete: [...(hooks.afterDelete ?? []), afterDelete],
      afterLogin: [...(hooks.afterLogin ?? []), ...(collection.auth ? [afterLogin] : [])],
    },
  }
}

async function recordRoleChange(req: PayloadRequest, target: AuditTarget, before: string[] | undefined, after: string[] | undefined): Promise<void> {
  const change = roleChange(before, after)
  if (change.added.length === 0 && change.removed.length === 0) return
  await recordAudit(req, {
    action: 'role-change',
    target,
    changes: [{ field: 'roles', from: before ?? [], to: after ?? [] }],
    detail: describeRoleChange(change),
  })
}

/**
 * A failed login has no hook of its own: Payload throws before any. The attempt noted when the login
 * operation began meets its error here, from REST (the admin's login form included) and GraphQL
 * alike. A wrong password or unknown email and a locked account answer 401, an unverified reader 403.
 */
export const recordFailedLogins: AfterErrorHook = async ({ error, req }) => {
  const attempt = req.context[LOGIN_ATTEMPT_KEY] as LoginAttempt | undefined
  if (!attempt) return
  const cause = (error as { originalError?: unknown }).originalError ?? error
  const status = (cause as { status?: unknown }).status
  if (status !== 401 && status !== 403) return
  // Once per attempt, however many errors a GraphQL document reports.
  delete req.context[LOGIN_ATTEMPT_KEY]
  try {
    await recordAudit(req, {
      action: 'login-failed',
      actor: describeActor(null, true),
      target: { collection: attempt.collection },
      detail: (cause as Error).message,
      attemptedEmail: attemptedEmail(attempt.email),
    })
  } catch (recordError) {
    // The client still gets its 401: an audit write failing must not turn it into a 500.
    req.payload.logger.error({ err: recordError }, 'could not record a failed login in the audit log')
  }
}

/** Fields whose values Payload computes on read (virtual fields, joins) and that no save changes. */
function derivedFieldNames(fields: Field[]): string[] {
  return fields.flatMap((field): string[] => {
    if ('name' in field && field.name) return field.type === 'join' || field.type === 'ui' || ('virtual' in field && field.virtual) ? [field.name] : []
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [] : derivedFieldNames(tab.fields)))
    return 'fields' in field ? derivedFieldNames(field.fields) : []
  })
}

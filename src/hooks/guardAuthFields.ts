import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  incrementLoginAttempts,
  type PayloadRequest,
  type SanitizedCollectionConfig,
  ValidationError,
} from 'payload'
import { email as emailValidation } from 'payload/shared'

import { isAdminUser, isModeratorUser } from '../access/roleChecks'
import {
  ACCOUNT_FIELD_LABELS,
  type AccountCollection,
  type AccountWrite,
  accountWriteRefusal,
  EMAIL_CHANGE_TTL_MS,
  fieldsSet,
  normalizeEmail,
  type Writer,
} from '../lib/accounts/authFields'
import { languageOf, say } from '../i18n/requestMessages'
import { passwordMatches } from '../lib/accounts/currentPassword'
import { emailChangeConfirmation, emailChangeNotice } from '../lib/accounts/emailChangeMail'
import { hashLookupToken as hashToken, newLookupToken as newToken } from '../lib/corrections/token'
import type { MessageCode } from '../lib/i18n/translate'
import { READERS_SLUG, USERS_SLUG } from '../slugs'

/**
 * What `guardAuthFields` decided for a write, for the change hooks of the same write (keyed by
 * collection and id; `*` for a write to every account a `where` matches): the new address held for
 * confirmation, and whether a changed profession keeps its verification.
 */
type WritePlan = { heldEmail?: { address: string; token: string }; professionVerificationSet: boolean }

const PLANS_KEY = 'newsroom.accountWritePlans'

const planKey = (slug: string, id: number | string | undefined) => `${slug}:${id ?? '*'}`

const plansOf = (req: PayloadRequest): Record<string, WritePlan> =>
  (req.context[PLANS_KEY] ??= {}) as Record<string, WritePlan>

const planFor = (req: PayloadRequest, slug: string, id: number | string | undefined): WritePlan | undefined => {
  const plans = req.context[PLANS_KEY] as Record<string, WritePlan> | undefined
  return plans?.[planKey(slug, id)] ?? plans?.[planKey(slug, undefined)]
}

const refuse = (status: number, code: string, field: string, message: string) => new APIError(message, status, { code, field }, true)

/** A refusal of one account field, in the request's language, naming the field by its label. */
const refuseField = (req: PayloadRequest, status: number, code: MessageCode, field: keyof typeof ACCOUNT_FIELD_LABELS) =>
  refuse(status, code, field, say(req, { code, values: { field: ACCOUNT_FIELD_LABELS[field] } }))

const hiddenFieldNames = (collection: SanitizedCollectionConfig): Set<string> =>
  new Set(collection.flattenedFields.filter((field) => 'hidden' in field && field.hidden === true).map((field) => field.name))

function writerOf(req: PayloadRequest, slug: AccountCollection, id: number | string | undefined, overrideAccess: boolean | undefined): Writer {
  return {
    system: overrideAccess === true,
    owner: id !== undefined && req.user?.collection === slug && String(req.user.id) === String(id),
    admin: isAdminUser(req.user),
    moderator: isModeratorUser(req.user),
  }
}

/** Who may update an account at all (the collections' update access): the rest is theirs to refuse. */
const mayUpdateAccount = (slug: AccountCollection, writer: Writer) => writer.owner || writer.admin || (slug === READERS_SLUG && writer.moderator)

/**
 * The owner's current password, checked as a login would be: a wrong one counts towards the
 * account's lockout, and a locked account changes no password.
 */
async function checkCurrentPassword(req: PayloadRequest, collection: SanitizedCollectionConfig, stored: Record<string, unknown>, current: unknown) {
  if (typeof current !== 'string' || current === '') {
    throw refuseField(req, 400, 'CURRENT_PASSWORD_REQUIRED', 'currentPassword')
  }
  if (typeof stored.lockUntil === 'string' && new Date(stored.lockUntil).getTime() > Date.now()) {
    throw refuseField(req, 403, 'ACCOUNT_LOCKED', 'currentPassword')
  }
  if (await passwordMatches(current, stored)) return
  await incrementLoginAttempts({ collection, payload: req.payload, user: stored as never })
  throw refuseField(req, 403, 'CURRENT_PASSWORD_INCORRECT', 'currentPassword')
}

async function holdEmail(req: PayloadRequest, slug: AccountCollection, id: number | string, sent: unknown): Promise<WritePlan['heldEmail']> {
  const address = normalizeEmail(sent)
  const valid = await emailValidation(address, { req, required: true } as Parameters<typeof emailValidation>[1])
  if (valid !== true) throw new ValidationError({ collection: slug, errors: [{ path: 'email', message: valid }], req })
  const { totalDocs } = await req.payload.count({ collection: slug, where: { email: { equals: address }, id: { not_equals: id } }, overrideAccess: true, req })
  if (totalDocs > 0) throw refuseField(req, 409, 'EMAIL_IN_USE', 'email')
  return { address, token: newToken().token }
}

/**
 * What a new account holds unless told otherwise: a sign-up that sends a default (GraphQL's input
 * type requires `status`, as the field is required) sets nothing the defaults would not.
 */
const defaultsOf = (collection: SanitizedCollectionConfig): Record<string, unknown> =>
  Object.fromEntries(
    collection.flattenedFields
      .filter((field) => 'defaultValue' in field && field.defaultValue !== undefined && typeof field.defaultValue !== 'function')
      .map((field) => [field.name, (field as { defaultValue: unknown }).defaultValue]),
  )

/**
 * Every write of an account (`users`, `readers`) through REST, GraphQL and the admin: a field the
 * writer may not set (`accountWriteRefusal`) is refused with a 403 naming it, where Payload's field
 * access would drop it silently; the owner's new password needs the current one; a new email is held
 * until the new address confirms it. The server's own writes (access overridden) set anything.
 */
export const guardAuthFields: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const { data, id } = args as { data?: Record<string, unknown>; id?: number | string }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return args
  const slug = collection.slug as AccountCollection
  const write: AccountWrite = operation === 'create' ? 'create' : id === undefined ? 'updateMany' : 'update'
  const writer = writerOf(req, slug, id, overrideAccess)
  const { currentPassword, ...rest } = data
  const plan: WritePlan = { professionVerificationSet: (writer.system || writer.moderator) && rest.professionVerified !== undefined }
  if (write !== 'create') plansOf(req)[planKey(slug, id)] = plan
  if (writer.system) return { ...args, data: rest }
  // Someone this account's update access refuses meets that refusal, not one that compares stored
  // values. A write by `where` compares none, so it is judged whoever sends it.
  if (write === 'update' && !mayUpdateAccount(slug, writer)) return args

  const hidden = hiddenFieldNames(collection)
  const stored =
    write === 'update'
      ? await req.payload.db.findOne<Record<string, unknown> & { id: number }>({ collection: slug, where: { id: { equals: id } }, req })
      : write === 'create'
        ? defaultsOf(collection)
        : null
  if (write === 'update' && !stored) return args
  const set = fieldsSet(rest, stored, hidden)
  const refusal = accountWriteRefusal({ collection: slug, write, writer, fields: set, hiddenFieldNames: hidden })
  if (refusal) throw refuse(403, refusal.code, refusal.field, say(req, refusal.message))

  if (write === 'update' && stored) {
    if (set.includes('password')) await checkCurrentPassword(req, collection, stored, currentPassword)
    if (set.includes('email')) {
      plan.heldEmail = await holdEmail(req, slug, id!, rest.email)
      delete rest.email
    }
  }
  return { ...args, data: rest }
}

/**
 * Applies the plan: a held address waits in `pendingEmail` with its token's hash, and a reader's
 * changed profession loses its verification unless a moderator (or the server) set it in the same
 * write.
 */
export const applyAccountWritePlan: CollectionBeforeChangeHook = ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const plan = planFor(req, collection.slug, originalDoc.id)
  if (!plan) return data
  if (plan.heldEmail) {
    data.pendingEmail = plan.heldEmail.address
    data.pendingEmailTokenHash = hashToken(plan.heldEmail.token)
    data.pendingEmailExpiresAt = new Date(Date.now() + EMAIL_CHANGE_TTL_MS).toISOString()
  }
  const professionChanged = data.profession !== undefined && (data.profession ?? null) !== (originalDoc.profession ?? null)
  if (collection.slug === READERS_SLUG && professionChanged && !plan.professionVerificationSet) {
    data.professionVerified = false
  }
  return data
}

/** Sends the held address its confirmation link and the current one a notice, once the change is saved. */
export const announceHeldEmail: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  if (operation !== 'update') return doc
  const key = planKey(collection.slug, doc.id)
  const plan = plansOf(req)[key]
  delete plansOf(req)[key]
  if (!plan?.heldEmail) return doc
  const { address, token } = plan.heldEmail
  const confirmation = emailChangeConfirmation({ token, staff: collection.slug === USERS_SLUG, hoursValid: EMAIL_CHANGE_TTL_MS / 3_600_000, language: languageOf(req) })
  await req.payload.sendEmail({ to: address, ...confirmation })
  if (previousDoc?.email) await req.payload.sendEmail({ to: previousDoc.email, ...emailChangeNotice({ newEmail: address, language: languageOf(req) }) })
  return doc
}

import type { CollectionBeforeOperationHook, CollectionSlug } from 'payload'

import { fieldRefusal } from '../i18n/requestMessages'
import { ACCOUNT_FIELD_LABELS } from '../lib/accounts/authFields'
import { passwordProblem } from '../lib/accounts/passwordRules'

/**
 * Every new password of an auth collection meets `passwordProblem`'s rules, whichever way it comes:
 * sign-up or account creation, a change (REST, GraphQL, the admin) or a reset with an emailed token.
 * Payload's own check asks for three characters.
 */
export function enforcePasswordRules<TSlug extends CollectionSlug>({ args, collection, operation, req }: Parameters<CollectionBeforeOperationHook<TSlug>>[0]): void {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return
  const data = (args as { data?: Record<string, unknown> }).data
  if (!data || data.password === undefined) return
  const problem = passwordProblem(data.password, data.email)
  if (problem) throw fieldRefusal(req, collection.slug, { path: 'password', label: ACCOUNT_FIELD_LABELS.password }, problem)
}

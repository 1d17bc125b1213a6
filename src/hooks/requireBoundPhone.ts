import { APIError, type CollectionBeforeOperationHook, type CollectionSlug } from 'payload'

import { isReaderUser } from '../access/roleChecks'
import { hasBoundPhone } from '../db/readerPhones'
import { say } from '../i18n/requestMessages'
import { phoneSettingsFrom } from '../lib/phone/verification'

const { required } = phoneSettingsFrom(process.env)

/**
 * 后台实名: with COMMENT_REQUIRE_PHONE on, a reader creates nothing under their account (a comment,
 * a correction request) before binding a mobile number. At the operation, so REST in any spelling,
 * GraphQL and the Local API with the reader as user are refused alike; work with no reader logged
 * in (anonymous correction requests, imports, seeding) is not the reader's and passes.
 */
export const requireBoundPhone = <Slug extends CollectionSlug>(): CollectionBeforeOperationHook<Slug> => async ({ args, operation, req }) => {
  if (!required || operation !== 'create' || !isReaderUser(req.user)) return args
  if (await hasBoundPhone(req.payload, Number(req.user!.id), req)) return args
  throw new APIError(say(req, { code: 'PHONE_REQUIRED' }), 403, { code: 'PHONE_REQUIRED' }, true)
}

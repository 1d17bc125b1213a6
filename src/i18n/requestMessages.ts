import type { IncomingHttpHeaders } from 'node:http'

import { getRequestLanguage, type PayloadRequest, type SanitizedConfig, ValidationError } from 'payload'
import { parseCookies } from 'payload/shared'

import type { ParamProblem } from '../lib/api/paginationParams'
import { validationErrorBody } from '../lib/api/validationErrorBody'
import { type Label, type Language, languageOfCode, type Message, translate } from '../lib/i18n/translate'

type WithLanguage = Pick<PayloadRequest, 'i18n'>

/**
 * The language Payload chose for this request, as the admin shows it: its language cookie, else
 * Accept-Language, else Chinese (the config's fallback).
 */
export const languageOf = (req: WithLanguage): Language => languageOfCode(req.i18n?.language)

/** The same rule on a request Payload has not seen yet (the server's own answers ahead of it). */
export function languageOfHeaders(config: SanitizedConfig, raw: IncomingHttpHeaders): Language {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  return getRequestLanguage({ config, cookies: parseCookies(headers), headers }) === 'en' ? 'en' : 'zh'
}

/** The message in the request's language. */
export const say = (req: WithLanguage, message: Message): string => translate(message, languageOf(req))

/** A refusal's body as Payload's own errors have it: the text in `language`, the code beside it. */
export const refusalBodyIn = (language: Language, message: Message, data: Record<string, unknown> = {}) => ({
  errors: [{ message: translate(message, language), data: { code: message.code, ...data } }],
})

/** The same, in the request's language. */
export const refusalBody = (req: WithLanguage, message: Message, data: Record<string, unknown> = {}) => refusalBodyIn(languageOf(req), message, data)

/**
 * A 400's body that names one field by its label, for an endpoint that answers itself: the top line
 * is Payload's own, as on the refusals it throws.
 */
export const fieldRefusalBody = (req: PayloadRequest, field: { path: string; label: Label }, message: Message) =>
  validationErrorBody([{ path: field.path, message: say(req, message) }], `${req.t('error:followingFieldsInvalid', { count: 1 })} ${field.label[languageOf(req)]}`, message.code)

/**
 * A 400's body naming each value of a request that cannot be served (a query parameter, a `where`
 * path, a column the database refused, a value in the path) by its path; the code is the first problem's.
 */
export function problemsBody(language: Language, problems: readonly ParamProblem[], heading: 'QUERY_PARAMS_INVALID' | 'ROUTE_PARAMS_INVALID' = 'QUERY_PARAMS_INVALID') {
  const top = translate({ code: heading, values: { params: problems.map(({ path }) => path).join(', ') } }, language)
  return validationErrorBody(
    problems.map(({ path, message }) => ({ path, message: translate(message, language) })),
    top,
    problems[0].message.code,
  )
}

/**
 * The same problems thrown where Payload answers them (hooks, GraphQL resolvers): its 400 naming
 * each path under its own translated top line, the first problem's code beside them.
 */
export function problemsRefusal(req: PayloadRequest, problems: readonly ParamProblem[], where: { collection?: string; global?: string } = {}): ValidationError {
  const error = new ValidationError({ ...where, errors: problems.map(({ path, message }) => ({ path, message: say(req, message) })), req }, req.t)
  Object.assign(error.data as object, { code: problems[0].message.code })
  return error
}

/**
 * The same refusal thrown from a hook: Payload answers it with a 400 whose top line names the
 * field by its label in the request's language, as the admin shows it beside the field.
 */
export function fieldRefusal(req: PayloadRequest, collection: string, field: { path: string; label: Label }, message: Message): ValidationError {
  const error = new ValidationError({ collection, errors: [{ path: field.path, label: field.label, message: say(req, message) }], req }, req.t)
  Object.assign(error.data as object, { code: message.code })
  return error
}

import type { Message } from '../i18n/translate'

/**
 * Payload passes `page`, `limit` and `depth` to the database as they come; a negative page is a
 * 500 there. These bounds turn such values into a 400 naming the parameter.
 */
const BOUNDS: Readonly<Record<string, { min: number; max: number }>> = {
  page: { min: 1, max: 1_000_000 },
  limit: { min: 0, max: 10_000 },
  depth: { min: 0, max: 10 },
}

/** A value of a request that cannot be served, named by its path, with what is wrong with it. */
export type ParamProblem = { path: string; message: Message }

/** The parameters out of bounds: strings as a query string carries them, or numbers (GraphQL's arguments). */
export function paginationParamProblems(params: Readonly<Record<string, unknown>>): ParamProblem[] {
  const problems: ParamProblem[] = []
  for (const [name, { min, max }] of Object.entries(BOUNDS)) {
    const value = params[name]
    if (value === undefined) continue
    const whole = typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && /^\d{1,9}$/.test(value)
    if (!whole || Number(value) < min || Number(value) > max) {
      problems.push({ path: name, message: { code: 'WHOLE_NUMBER_BETWEEN', values: { min, max } } })
    }
  }
  return problems
}

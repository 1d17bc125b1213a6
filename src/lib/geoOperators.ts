import type { ParamProblem } from './paginationParams'

/** A `where` parameter using a geographic operator: `where[category][near]`, `where[or][0][x][within][]`. */
const GEO_OPERATOR = /^where\[.*\[(near|within|intersects)\](\[\d*\])?$/

/**
 * `near`, `within` and `intersects` only work on point fields, and no collection has one: Payload
 * accepts them on any field and the PostgreSQL adapter then fails (a 500). Such a query is a 400.
 * The query is as Express parses it, flat (`where[category][near]` is one key).
 */
export function geoOperatorProblems(query: Readonly<Record<string, unknown>>): ParamProblem[] {
  return Object.keys(query)
    .map((key) => ({ key, operator: GEO_OPERATOR.exec(key)?.[1] }))
    .filter(({ operator }) => operator)
    .map(({ key, operator }) => ({ path: key, message: `The ${operator} operator works only on geographic (point) fields, and there are none` }))
}

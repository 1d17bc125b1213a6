import type { Endpoint } from 'payload'

import { publishedCorrections } from '../db/correctionsLog'
import { SAME_FOR_EVERY_CALLER } from '../lib/http/caching'
import { paginationParamProblems } from '../lib/api/paginationParams'
import { languageOf, problemsBody } from '../i18n/requestMessages'

export const MAX_CORRECTIONS_LIMIT = 100

/** `GET /api/corrections?page=&limit=`: the public corrections log. */
export const correctionsLogEndpoint: Endpoint = {
  path: '/corrections',
  method: 'get',
  custom: { [SAME_FOR_EVERY_CALLER]: true },
  handler: async (req) => {
    const query = (req.query ?? {}) as Record<string, unknown>
    const problems = paginationParamProblems(query)
    if (problems.length > 0) return Response.json(problemsBody(languageOf(req), problems), { status: 400 })
    const page = Number(query.page ?? 1)
    const limit = Number(query.limit ?? 20)
    // Answered like search's limit: a page size the log does not offer is named, not quietly changed.
    if (limit < 1 || limit > MAX_CORRECTIONS_LIMIT) {
      return Response.json(problemsBody(languageOf(req), [{ path: 'limit', message: { code: 'WHOLE_NUMBER_BETWEEN', values: { min: 1, max: MAX_CORRECTIONS_LIMIT } } }]), { status: 400 })
    }
    return Response.json(await publishedCorrections(req.payload, page, limit))
  },
}

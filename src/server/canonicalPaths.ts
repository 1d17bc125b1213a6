import type { IncomingMessage } from 'node:http'
import { performance } from 'node:perf_hooks'

import type { SanitizedConfig } from 'payload'

import { languageOfHeaders, refusalBodyIn } from '../i18n/requestMessages'
import { canonicalApiTarget } from '../lib/http/canonicalPath'
import { type PlainHandler, type PlainResponse, sendJson } from './plainHttp'
import { identifyRequest, logRequest } from './requestLogger'

/**
 * The door every request passes before anything else (the cached reads, Express, its guards and rate
 * limits, Payload): an API request's target is rewritten to its one canonical spelling, or refused
 * with a 400 when it has none (src/lib/http/canonicalPath.ts). Answers true when it refused.
 */
export function canonicalisingApiPaths(config: SanitizedConfig, steps: { secure: PlainHandler }): (req: IncomingMessage, res: PlainResponse) => boolean {
  const words = apiWordsOf(config)
  return (req, res) => {
    const canonical = canonicalApiTarget(req.url ?? '', words)
    if (canonical.kind === 'api') req.url = canonical.target
    if (canonical.kind !== 'refused') return false
    const started = performance.now()
    const id = identifyRequest(req, res)
    void steps.secure(req, res, () => undefined)
    sendJson(res, 400, refusalBodyIn(languageOfHeaders(config, req.headers), { code: canonical.code }))
    logRequest(req, res, id, started)
    return true
  }
}

/** The API's own words, whose case Payload and Express disagree on: slugs and endpoints' literal segments. */
export function apiWordsOf(config: SanitizedConfig): Set<string> {
  const words = new Set(['api', 'globals', 'graphql', 'graphql-playground'])
  const addPath = (path: string) => {
    for (const segment of path.split('/')) if (segment && !/[:*{(]/.test(segment)) words.add(segment.toLowerCase())
  }
  for (const endpoint of config.endpoints || []) addPath(endpoint.path)
  for (const { slug, endpoints } of [...config.collections, ...config.globals]) {
    words.add(slug.toLowerCase())
    for (const endpoint of endpoints || []) addPath(endpoint.path)
  }
  return words
}

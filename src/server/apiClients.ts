import { createHash } from 'node:crypto'

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import type { VersionStore } from '../lib/responseCache/cache'

export type ApiClient = { id: number | string; name: string; requestsPerMinute: number }

const API_KEY_HEADER = /^api-clients API-Key (\S{1,256})$/
const CLIENTS_TAG = 'api-clients'
const REMEMBERED_KEYS = 10_000

/**
 * Recognises a front end by its API key, before rate limiting and before Payload: a known key is
 * noted (`res.locals.apiClient`) and removed from the request, so the request is then served, and
 * cached, exactly as an anonymous one. An unknown or revoked key is noted too: it is counted against
 * the address's rate limit (so keys cannot be guessed at speed) and then refused with a 401, rather
 * than served as anonymous, so a misconfigured front end notices. Known keys are remembered until
 * the api-clients collection changes (on any instance: the change bumps its tag); unknown ones are
 * not, so a key created after a failed try works at once.
 */
export function identifyApiClients(payload: Payload, versions: VersionStore): RequestHandler {
  const remembered = new Map<string, { client: ApiClient; version: string }>()

  const lookUp = async (authorization: string): Promise<ApiClient | null> => {
    const { user } = await payload.auth({ headers: new Headers({ authorization }) })
    if (!user || user.collection !== CLIENTS_TAG) return null
    const client = user as unknown as { id: number; name: string; requestsPerMinute: number }
    return { id: client.id, name: client.name, requestsPerMinute: client.requestsPerMinute }
  }

  return async (req, res, next) => {
    const authorization = req.get('authorization')
    if (!authorization || !API_KEY_HEADER.test(authorization)) return next()
    try {
      const current = await versions.read([CLIENTS_TAG])
      const version = current ? `${current.epoch}:${current.values[0]}` : null
      const key = createHash('sha256').update(authorization).digest('base64url')
      const known = remembered.get(key)
      let client: ApiClient | null
      if (known && version !== null && known.version === version) {
        client = known.client
      } else {
        client = await lookUp(authorization)
        if (client && version !== null) {
          if (remembered.size >= REMEMBERED_KEYS) remembered.clear()
          remembered.set(key, { client, version })
        }
      }
      if (client) res.locals.apiClient = client
      else res.locals.unknownApiKey = true
      delete req.headers.authorization
      next()
    } catch (error) {
      next(error)
    }
  }
}

/** After the rate limit: a request that brought a key nobody issued (or one since revoked) is refused. */
export const refuseUnknownApiKeys: RequestHandler = (_req, res, next) => {
  if (!res.locals.unknownApiKey) return next()
  res.status(401).json({ errors: [{ message: 'Unknown or revoked API key' }] })
}

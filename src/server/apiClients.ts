import { createHash } from 'node:crypto'

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import type { VersionStore } from '../lib/responseCache/cache'
import { API_CLIENTS_SLUG } from '../slugs'
import { refuse } from './payloadApi'

export type ApiClient = { id: number | string; name: string; requestsPerMinute: number }

const API_KEY_HEADER = /^api-clients API-Key (\S{1,256})$/
const REMEMBERED_KEYS = 10_000

/**
 * Recognises a front end by its API key, in two steps around the rate limit. Before it
 * (`recognise`), a key seen before is known from memory: the request is noted
 * (`res.locals.apiClient`) and counts against that client's own limit. A key not in memory is only
 * put aside, so the request counts against its address; after the limit (`verify`) it is looked up,
 * so an address over its limit cannot make the server look up guessed keys at any speed. A key
 * nobody issued (or since revoked) is then refused with a 401 rather than served as anonymous, so a
 * misconfigured front end notices. Either way the key is removed from the request, which is then
 * served, and cached, exactly as an anonymous one. Known keys are remembered until the api-clients
 * collection changes (on any instance: the change bumps its tag); unknown ones are not, so a key
 * created after a failed try works at once.
 */
export function apiKeyClients(payload: Payload, versions: VersionStore): { recognise: RequestHandler; verify: RequestHandler } {
  const remembered = new Map<string, { client: ApiClient; version: string }>()
  const versionNow = async () => {
    const current = await versions.read([API_CLIENTS_SLUG])
    return current ? `${current.epoch}:${current.values[0]}` : null
  }
  const rememberedKey = (authorization: string) => createHash('sha256').update(authorization).digest('base64url')

  const lookUp = async (authorization: string): Promise<ApiClient | null> => {
    const { user } = await payload.auth({ headers: new Headers({ authorization }) })
    if (!user || user.collection !== API_CLIENTS_SLUG) return null
    const client = user as unknown as { id: number; name: string; requestsPerMinute: number }
    return { id: client.id, name: client.name, requestsPerMinute: client.requestsPerMinute }
  }

  const recognise: RequestHandler = async (req, res, next) => {
    const authorization = req.get('authorization')
    if (!authorization || !API_KEY_HEADER.test(authorization)) return next()
    try {
      const version = await versionNow()
      const known = remembered.get(rememberedKey(authorization))
      if (known && version !== null && known.version === version) res.locals.apiClient = known.client
      else res.locals.unverifiedApiKey = authorization
      delete req.headers.authorization
      next()
    } catch (error) {
      next(error)
    }
  }

  const verify: RequestHandler = async (req, res, next) => {
    const authorization = res.locals.unverifiedApiKey as string | undefined
    if (!authorization) return next()
    try {
      // Read before the lookup: a change to the clients meanwhile must not be remembered as older.
      const version = await versionNow()
      const client = await lookUp(authorization)
      if (!client) {
        refuse(res, req, 401, { code: 'API_KEY_INVALID' }, payload.config)
        return
      }
      if (version !== null) {
        if (remembered.size >= REMEMBERED_KEYS) remembered.clear()
        remembered.set(rememberedKey(authorization), { client, version })
      }
      res.locals.apiClient = client
      next()
    } catch (error) {
      next(error)
    }
  }

  return { recognise, verify }
}

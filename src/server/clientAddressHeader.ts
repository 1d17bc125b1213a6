import type { RequestHandler } from 'express'

import { CLIENT_IP_HEADER } from '../lib/http/clientIp'

/**
 * Tells everything behind the door (Payload's REST and GraphQL, the admin's pages and server
 * functions) the client's address as Express determined it, TRUST_PROXY deciding whether
 * X-Forwarded-For counts. A value a client sent under that name never gets through: the audit log,
 * comment screening and the login limits rely on it.
 */
export const stampClientAddress: RequestHandler = (req, _res, next) => {
  if (req.ip) req.headers[CLIENT_IP_HEADER] = req.ip
  else delete req.headers[CLIENT_IP_HEADER]
  next()
}

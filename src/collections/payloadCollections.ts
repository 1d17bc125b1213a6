import type { Access, CollectionConfig, Endpoint, GlobalConfig, PayloadHandler, SanitizedCollectionConfig, SanitizedConfig } from 'payload'
import { Forbidden } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { isPublisher } from '../access/isPublisher'
import { isStaff } from '../access/isStaff'
import { nobody } from '../access/nobody'
import { ownPreferences } from '../access/ownPreferences'
import { PAYLOAD_JOBS_SLUG } from '../slugs'

type Operations = Required<Pick<NonNullable<CollectionConfig['access']>, 'create' | 'read' | 'update' | 'delete'>>

const NO_ACCESS: Operations = { create: nobody, read: nobody, update: nobody, delete: nobody }

/**
 * Who may use each collection Payload adds to the config (readers, anonymous callers and API
 * clients: nobody). The server itself works on them through the Local API or the database adapter,
 * which this does not limit.
 */
const PAYLOAD_COLLECTION_ACCESS: Readonly<Record<string, Operations>> = {
  // Who is editing what: the admin reads, takes over and releases these through REST.
  'payload-locked-documents': { create: isStaff, read: isStaff, update: isStaff, delete: isStaff },
  'payload-preferences': { create: isStaff, read: ownPreferences, update: ownPreferences, delete: ownPreferences },
  [PAYLOAD_JOBS_SLUG]: { create: isPublisher, read: isPublisher, update: isPublisher, delete: isPublisher },
  'payload-migrations': { ...NO_ACCESS, read: isAdmin },
  // Payload's key-value store, used only by the server.
  'payload-kv': NO_ACCESS,
}

type GlobalOperations = Required<Pick<NonNullable<GlobalConfig['access']>, 'read' | 'update'>>

/** The same for the globals Payload adds. */
const PAYLOAD_GLOBAL_ACCESS: Readonly<Record<string, GlobalOperations>> = {
  // The job runner's schedule bookkeeping, written by the server alone.
  'payload-jobs-stats': { read: isPublisher, update: nobody },
}

const OPERATION_OF_METHOD: Readonly<Record<string, keyof Operations>> = { get: 'read', head: 'read', delete: 'delete' }

/**
 * The endpoints Payload adds to its own collections beyond the usual find, create, update and delete
 * (`/api/payload-preferences/:key` reads and writes the caller's preferences without asking the
 * collection's access) answer only a caller the collection's access admits for the operation the
 * method stands for.
 */
function guardedEndpoint(collection: SanitizedCollectionConfig, endpoint: Endpoint): Endpoint {
  const operation = OPERATION_OF_METHOD[endpoint.method] ?? 'update'
  const handler: PayloadHandler = async (req) => {
    if (!(await collection.access[operation]({ req }))) throw new Forbidden(req.t)
    return endpoint.handler(req)
  }
  return { ...endpoint, handler }
}

/**
 * Gives every collection and global Payload added while building the config (all but `ownSlugs` and
 * `ownGlobalSlugs`) the access stated above, and any Payload adds that is not stated (a future
 * version's) no access at all, a collection's endpoints included, so that nothing Payload adds is open
 * until someone decides who may use it.
 */
export function governingPayloadsOwnCollections(ownSlugs: readonly string[], ownGlobalSlugs: readonly string[]) {
  return (config: SanitizedConfig): SanitizedConfig => {
    for (const global of config.globals) {
      if (ownGlobalSlugs.includes(global.slug)) continue
      const stated = PAYLOAD_GLOBAL_ACCESS[global.slug]
      global.access = { ...(Object.fromEntries<Access>(Object.keys(global.access).map((operation) => [operation, nobody])) as typeof global.access), ...(stated ?? { read: nobody, update: nobody }) }
    }
    const own = config.collections.filter(({ slug }) => ownSlugs.includes(slug))
    // Payload gives every collection the same endpoint objects for its operations, which ask the access themselves.
    const operationEndpoints = new Set(own.flatMap(({ endpoints }) => endpoints || []))
    for (const collection of config.collections) {
      if (own.includes(collection)) continue
      const stated = PAYLOAD_COLLECTION_ACCESS[collection.slug]
      collection.access = stated
        ? { ...collection.access, ...stated }
        : { ...(Object.fromEntries<Access>(Object.keys(collection.access).map((operation) => [operation, nobody])) as typeof collection.access), ...NO_ACCESS }
      if (Array.isArray(collection.endpoints)) {
        collection.endpoints = collection.endpoints.map((endpoint) => (operationEndpoints.has(endpoint) ? endpoint : guardedEndpoint(collection, endpoint)))
      }
    }
    return config
  }
}

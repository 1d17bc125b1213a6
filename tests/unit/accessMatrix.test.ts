/**
 * The access matrix (tests/access/matrix.ts) names exactly what the built config has: every
 * collection and global, every endpoint beyond Payload's CRUD ones, every field with access of its
 * own; and the role table (docs/roles.md) says what the matrix says.
 */
import { readFileSync } from 'node:fs'

import type { Field, SanitizedConfig } from 'payload'
import { formatNames } from 'payload'

import configPromise from '../../payload.config'
import { type Answer, type Caller, COLLECTION_OPERATIONS, endpointOf, fieldOf, GRAPHQL, MATRIX, OPEN_AUTH_ENDPOINTS } from '../access/matrix'

/** Payload's own REST routes for every collection and global: the operations rows stand for them. */
const CRUD_ENDPOINTS = ['GET /count', 'POST /', 'DELETE /', 'DELETE /:id', 'POST /access/:id?', 'GET /versions', 'POST /:id/duplicate', 'GET /', 'GET /:id', 'GET /versions/:id', 'POST /versions/:id', 'PATCH /', 'PATCH /:id']
const GLOBAL_CRUD_ENDPOINTS = ['POST /access', 'GET /', 'GET /versions/:id', 'GET /versions', 'POST /versions/:id', 'POST /']
/** `GET /api/access`: the caller's own permissions, as the admin asks for them. */
const ROOT_PAYLOAD_ENDPOINTS = ['GET /access']
/** Not a stored field: what Payload turns into `hash` and `salt`. */
const PSEUDO_AUTH_FIELDS = ['password']

/** Every field of a list, nested ones included, with the path rows use (top-level name first). */
function fieldsOf(fields: Field[], prefix = ''): { path: string; field: Field }[] {
  return fields.flatMap((field) => {
    const name = 'name' in field && field.name ? field.name : ''
    const path = name ? (prefix ? `${prefix}.${name}` : name) : prefix
    const inner = [
      ...('fields' in field && Array.isArray(field.fields) ? fieldsOf(field.fields, path) : []),
      ...(field.type === 'tabs' ? field.tabs.flatMap((tab) => fieldsOf(tab.fields, path)) : []),
      ...(field.type === 'blocks' ? field.blocks.flatMap((block) => (typeof block === 'object' ? fieldsOf(block.fields, path) : [])) : []),
    ]
    return [...(name ? [{ path, field }] : []), ...inner]
  })
}

const endpointsOf = (entity: { endpoints?: false | { method: string; path: string }[] }) =>
  (entity.endpoints || []).map((endpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path}`)

let config: SanitizedConfig
beforeAll(async () => {
  config = await configPromise
})

const rulesOf = (target: string) => MATRIX.filter((rule) => rule.target === target)

describe('the access matrix covers the built config', () => {
  it('names every collection and global, and nothing else', () => {
    const inConfig = [...config.collections.map((c) => c.slug), ...config.globals.map((g) => g.slug), 'api'].sort()
    expect([...new Set(MATRIX.map((rule) => rule.target))].sort()).toEqual(inConfig)
    expect(Object.keys(GRAPHQL).sort()).toEqual(inConfig.filter((slug) => slug !== 'api'))
  })

  it('gives every collection create, read, update and delete, and every global read and update', () => {
    const missing = [
      ...config.collections.flatMap((c) => ['create', 'read', 'update', 'delete'].filter((op) => !rulesOf(c.slug).some((r) => r.op === op)).map((op) => `${c.slug} ${op}`)),
      ...config.globals.flatMap((g) => ['read', 'update'].filter((op) => !rulesOf(g.slug).some((r) => r.op === op)).map((op) => `${g.slug} ${op}`)),
    ]
    expect(missing).toEqual([])
    const unknown = MATRIX.filter((r) => !endpointOf(r.op) && !fieldOf(r.op) && !(COLLECTION_OPERATIONS as readonly string[]).includes(r.op))
    expect(unknown.map((r) => `${r.target} ${r.op}`)).toEqual([])
  })

  it('names every endpoint beyond the CRUD ones, and no endpoint the config lacks', () => {
    const expected = (target: string, all: string[], payloadOwn: string[]) => ({ target, endpoints: all.filter((e) => !payloadOwn.includes(e)).sort() })
    const inConfig = [
      ...config.collections.map((c) => expected(c.slug, endpointsOf(c), [...CRUD_ENDPOINTS, ...(c.auth ? OPEN_AUTH_ENDPOINTS : [])])),
      ...config.globals.map((g) => expected(g.slug, endpointsOf(g), GLOBAL_CRUD_ENDPOINTS)),
      expected('api', endpointsOf(config), ROOT_PAYLOAD_ENDPOINTS),
    ]
    const inMatrix = inConfig.map(({ target }) => ({ target, endpoints: [...new Set(rulesOf(target).filter((r) => endpointOf(r.op)).map((r) => r.op))].sort() }))
    expect(inMatrix).toEqual(inConfig)
  })

  it('names every field with access of its own, and no field the config lacks', () => {
    const entities = [...config.collections, ...config.globals]
    const withAccess = entities.flatMap((e) => fieldsOf(e.fields).filter(({ field }) => 'access' in field && Object.keys(field.access ?? {}).length > 0).map(({ path }) => `${e.slug}.${path}`))
    const named = new Set(MATRIX.flatMap((r) => (fieldOf(r.op) ? [`${r.target}.${fieldOf(r.op)!.field}`] : [])))
    expect(withAccess.filter((name) => !named.has(name))).toEqual([])
    const existing = new Set([
      ...entities.flatMap((e) => fieldsOf(e.fields).map(({ path }) => `${e.slug}.${path}`)),
      ...config.collections.filter((c) => c.auth && !c.auth.disableLocalStrategy).flatMap((c) => PSEUDO_AUTH_FIELDS.map((f) => `${c.slug}.${f}`)),
    ])
    expect([...named].filter((name) => !existing.has(name))).toEqual([])
  })

  it("records each collection's GraphQL operations as Payload generates them, or that it has none", () => {
    for (const collection of config.collections) {
      if (collection.graphQL === false) {
        expect({ [collection.slug]: GRAPHQL[collection.slug] }).toEqual({ [collection.slug]: false })
        continue
      }
      const { singular, plural } = formatNames(collection.slug)
      expect({ [collection.slug]: GRAPHQL[collection.slug] }).toEqual({ [collection.slug]: { one: singular, many: singular === plural ? `all${plural}` : plural } })
    }
  })

  it('gives every rule one answer per caller and no contradictory duplicate', () => {
    const keys = MATRIX.map((r) => `${r.target} ${r.op} ${r.on ?? ''}`)
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([])
  })
})

// ------------------------------------------------------------------------------ the role table (docs/roles.md)

const ROLE_COLUMNS: Record<string, Caller> = {
  anonymous: 'anonymous',
  'reporter 记者': 'reporter',
  'editor 编辑': 'editor',
  'editor-in-chief 总编': 'editor-in-chief',
  admin: 'admin',
  'moderator 审核员': 'moderator',
}

const answer = (target: string, op: string, caller: Caller, on?: string): Answer => {
  const found = MATRIX.find((r) => r.target === target && r.op === op && (on === undefined || r.on === on))
  if (!found) throw new Error(`no rule ${target} ${op}`)
  return found.answers[caller]
}
const allowed = (caller: Caller, ...cells: [string, string][]) => cells.every(([target, op]) => answer(target, op, caller) === '✓')
const tick = (yes: boolean) => (yes ? '✓' : '')

/** Each row of the role table, as the matrix says it for one caller. */
const ROLE_ROWS: Record<string, (caller: Caller) => string> = {
  'read published articles': (c) => tick(['✓', 'pub'].includes(answer('articles', 'read', c))),
  'read drafts and versions': (c) => tick(allowed(c, ['articles', 'read'], ['articles', 'readVersions'])),
  'create articles (as drafts)': (c) => tick(allowed(c, ['articles', 'create'])),
  'edit articles (as drafts)': (c) => ({ '✓': 'any', own: 'own' })[answer('articles', 'update', c) as string] ?? '',
  'publish, unpublish, schedule, restore as live': (c) => tick(allowed(c, ['articles', 'publish'], ['articles', 'POST /:id/schedule'])),
  'delete articles': (c) => tick(allowed(c, ['articles', 'delete'])),
  'authors, channels: create / edit': (c) => tick(allowed(c, ['authors', 'create'], ['authors', 'update'], ['categories', 'create'], ['categories', 'update'])),
  'authors, channels: delete': (c) => tick(allowed(c, ['authors', 'delete'], ['categories', 'delete'])),
  'tags: create / edit, delete': (c) =>
    allowed(c, ['tags', 'create'], ['tags', 'update'], ['tags', 'delete']) ? '✓' : allowed(c, ['tags', 'create']) ? 'create' : '',
  'media: upload / edit, delete': (c) =>
    allowed(c, ['media', 'create'], ['media', 'update'], ['media', 'delete']) ? '✓' : allowed(c, ['media', 'create'], ['media', 'update']) ? 'upload' : allowed(c, ['media', 'read']) ? 'read' : '',
  'images a published article shows: edit': (c) => tick(answer('media', 'update live', c) === '✓'),
  'site settings: read / edit': (c) => (allowed(c, ['site-settings', 'update']) ? '✓' : allowed(c, ['site-settings', 'read']) ? 'read' : ''),
  'staff accounts': (c) =>
    allowed(c, ['users', 'update'], ['users', 'roles · update']) ? 'all, and roles' : answer('users', 'update', c) === 'own' ? 'own' : '',
  'comments: moderate (status, 精彩评论), read moderation data': (c) =>
    tick(allowed(c, ['comments', 'status · update'], ['comments', 'featured · update'], ['comments', 'screening · read'], ['comments', 'reports · read'])),
  'reader accounts: read, verify professions, suspend, ban': (c) =>
    tick(allowed(c, ['readers', 'read'], ['readers', 'professionVerified · update'], ['readers', 'status · update'], ['readers', 'suspendedUntil · update'])),
  "readers' mobile numbers (后台实名): masked / in full, audited": (c) =>
    allowed(c, ['readers', 'POST /:id/phone/reveal'], ['readers', 'phoneMasked · read']) ? 'in full' : allowed(c, ['readers', 'phoneMasked · read']) ? 'masked' : '',
  'comments, reader accounts: delete (to the trash, kept for the retention period)': (c) =>
    tick(allowed(c, ['comments', 'deletedAt · update'], ['readers', 'deletedAt · update'])),
  'word lists: read / edit': (c) =>
    allowed(c, ['screening-words', 'create'], ['screening-words', 'update'], ['screening-words', 'delete']) ? '✓' : allowed(c, ['screening-words', 'read']) ? 'read' : '',
  'comment moderation settings: read / edit': (c) =>
    allowed(c, ['moderation-settings', 'update']) ? '✓' : allowed(c, ['moderation-settings', 'read']) ? 'read' : '',
  'correction requests: submit': (c) => tick(allowed(c, ['correction-requests', 'create'])),
  'correction requests: read, triage (assign, reply, status)': (c) => {
    if (allowed(c, ['correction-requests', 'read'], ['correction-requests', 'update'], ['correction-requests', 'status · update'], ['correction-requests', 'assignee · update'], ['correction-requests', 'replyToReporter · update'])) return '✓'
    // Anonymous senders follow theirs with the token; a reader also sees theirs when logged in.
    return c === 'anonymous' && allowed(c, ['correction-requests', 'GET /lookup']) && allowed('owner', ['correction-requests', 'read']) ? 'own (token or reader login)' : ''
  },
  'correction notices on articles': (c) =>
    allowed(c, ['articles', 'publish']) ? 'publish' : ['✓', 'own'].includes(answer('articles', 'update', c)) ? 'draft' : answer('articles', 'read', c) === 'pub' ? 'read (published)' : '',
  'webhooks and their delivery log': (c) =>
    tick(allowed(c, ['webhooks', 'create'], ['webhooks', 'read'], ['webhooks', 'update'], ['webhooks', 'delete'], ['webhook-deliveries', 'read'])),
  'API clients (front-end keys)': (c) => tick(allowed(c, ['api-clients', 'create'], ['api-clients', 'read'], ['api-clients', 'update'], ['api-clients', 'delete'])),
  'audit log: read (nobody writes it)': (c) => tick(allowed(c, ['audit-log', 'read'])),
  "readers' notifications: read (each reader their own; nobody writes them)": (c) => tick(allowed(c, ['notifications', 'read'])),
  'client IP addresses, emails tried in failed logins': (c) =>
    tick(allowed(c, ['comments', 'ip · read'], ['correction-requests', 'ip · read'], ['audit-log', 'ip · read'], ['audit-log', 'attemptedEmail · read'])),
  'scheduled and background jobs': (c) => tick(allowed(c, ['payload-jobs', 'read'], ['payload-jobs', 'update'], ['payload-jobs', 'delete'])),
  "the admin's document locks; preferences, each their own": (c) =>
    tick(answer('payload-preferences', 'read', c) === 'own' && allowed(c, ['payload-locked-documents', 'read'], ['payload-locked-documents', 'update'])),
}

/** The rows of the Markdown table in docs/roles.md (its only table), cells trimmed. */
function roleTable(): { header: string[]; rows: string[][] } {
  const page = readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8')
  const lines = page.split('\n').filter((line) => line.startsWith('|'))
  const cells = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim())
  return { header: cells(lines[0]), rows: lines.slice(2).map(cells) }
}

describe('the role table (docs/roles.md)', () => {
  it('has the columns the matrix answers for, and a row for each rule it states', () => {
    const { header, rows } = roleTable()
    expect(header.slice(1)).toEqual(Object.keys(ROLE_COLUMNS))
    expect(rows.map((row) => row[0]).sort()).toEqual(Object.keys(ROLE_ROWS).sort())
  })

  it('says in every cell what the matrix says', () => {
    const { header, rows } = roleTable()
    const disagreements = rows.flatMap(([row, ...cells]) =>
      cells.flatMap((cell, i) => {
        const caller = ROLE_COLUMNS[header[i + 1]]
        const expected = ROLE_ROWS[row]?.(caller)
        return expected === cell ? [] : [`${row} / ${header[i + 1]}: table "${cell}", matrix "${expected}"`]
      }),
    )
    expect(disagreements).toEqual([])
  })

  it('ties every row of the table to rules that exist', () => {
    for (const caller of Object.values(ROLE_COLUMNS)) for (const derive of Object.values(ROLE_ROWS)) expect(typeof derive(caller)).toBe('string')
  })
})


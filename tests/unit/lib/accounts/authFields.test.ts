import { translate } from '../../../../src/lib/i18n/translate'
import {
  type AccountCollection,
  type AccountWrite,
  accountWriteRefusal,
  changesStoredValue,
  fieldsSet,
  INTERNAL_AUTH_FIELDS,
  type Writer,
} from '../../../../src/lib/accounts/authFields'

const nobody: Writer = { system: false, owner: false, admin: false, moderator: false }
const WRITERS: Record<string, Writer> = {
  system: { ...nobody, system: true },
  anonymous: nobody,
  owner: { ...nobody, owner: true },
  moderator: { ...nobody, moderator: true },
  // isModeratorUser counts admins as moderators too.
  admin: { ...nobody, admin: true, moderator: true },
  'owner who is an admin': { ...nobody, owner: true, admin: true, moderator: true },
}
const NO_HIDDEN = new Set<string>()

const verdict = (collection: AccountCollection, write: AccountWrite, who: string, field: string) =>
  accountWriteRefusal({ collection, write, writer: WRITERS[who], fields: [field], hiddenFieldNames: NO_HIDDEN })?.code ?? 'allowed'

describe('who may set which account field', () => {
  // [collection, write, field, writers allowed]; everyone else is refused.
  const table: [AccountCollection, AccountWrite, string, string[]][] = [
    ['readers', 'create', 'email', ['system', 'anonymous', 'owner', 'moderator', 'admin', 'owner who is an admin']],
    ['readers', 'create', 'password', ['system', 'anonymous', 'owner', 'moderator', 'admin', 'owner who is an admin']],
    ['readers', 'create', '_verified', ['system', 'admin', 'owner who is an admin']],
    ['readers', 'create', 'status', ['system', 'moderator', 'admin', 'owner who is an admin']],
    ['readers', 'update', 'email', ['system', 'owner', 'admin', 'owner who is an admin']],
    ['readers', 'update', 'password', ['system', 'owner', 'owner who is an admin']],
    ['readers', 'update', '_verified', ['system', 'admin', 'owner who is an admin']],
    ['readers', 'update', 'status', ['system', 'moderator', 'admin', 'owner who is an admin']],
    ['readers', 'update', 'suspendedUntil', ['system', 'moderator', 'admin', 'owner who is an admin']],
    ['readers', 'update', 'professionVerified', ['system', 'moderator', 'admin', 'owner who is an admin']],
    ['readers', 'update', 'pendingEmail', ['system']],
    ['readers', 'updateMany', 'email', ['system']],
    ['readers', 'updateMany', 'password', ['system']],
    ['readers', 'updateMany', 'status', ['system', 'moderator', 'admin', 'owner who is an admin']],
    ['users', 'update', 'email', ['system', 'owner', 'admin', 'owner who is an admin']],
    ['users', 'update', 'password', ['system', 'owner', 'owner who is an admin']],
    // A staff account has no status of its own: the readers' moderation fields are not its rules.
    ['users', 'update', 'status', Object.keys(WRITERS)],
    ['users', 'update', 'displayName', Object.keys(WRITERS)],
  ]
  it.each(table)('%s %s of %s: only %j', (collection, write, field, allowed) => {
    for (const who of Object.keys(WRITERS)) {
      expect([who, verdict(collection, write, who, field)]).toEqual([who, allowed.includes(who) ? 'allowed' : 'AUTH_FIELD_FORBIDDEN'])
    }
  })

  it.each(INTERNAL_AUTH_FIELDS)('nobody but the system writes %s, on create or update', (field) => {
    for (const collection of ['users', 'readers'] as const) {
      for (const write of ['create', 'update', 'updateMany'] as const) {
        for (const who of Object.keys(WRITERS)) {
          expect(verdict(collection, write, who, field)).toBe(who === 'system' ? 'allowed' : 'INTERNAL_AUTH_FIELD')
        }
      }
    }
  })

  it('counts any hidden field of the collection as internal (one Payload adds later)', () => {
    const refusal = accountWriteRefusal({ collection: 'users', write: 'update', writer: WRITERS.admin, fields: ['name', 'otpSecret'], hiddenFieldNames: new Set(['otpSecret']) })
    expect(refusal).toMatchObject({ field: 'otpSecret', code: 'INTERNAL_AUTH_FIELD' })
    expect(refusal!.message).toEqual({ code: 'INTERNAL_AUTH_FIELD', values: { field: 'otpSecret' } })
  })

  it('names the field and says who may set it', () => {
    const refusal = accountWriteRefusal({ collection: 'readers', write: 'update', writer: WRITERS.moderator, fields: ['displayName', 'password'], hiddenFieldNames: NO_HIDDEN })
    expect(refusal).toMatchObject({ field: 'password', code: 'AUTH_FIELD_FORBIDDEN' })
    expect(translate(refusal!.message, 'zh')).toBe('您不能设置字段 password：本人修改需同时提供当前密码，其他人请使用找回密码')
    expect(translate(refusal!.message, 'en')).toBe('You may not set password: only the account holder may, with the current password; others use forgot-password')
  })
})

describe('which fields an update sets', () => {
  const stored = { email: 'a@x.test', _verified: true, status: 'active', suspendedUntil: null, professionVerified: false, hash: 'h', pendingEmail: null }

  it('leaves out owned fields sent unchanged, as the admin form sends them', () => {
    const sent = { email: ' A@X.test ', _verified: true, status: 'active', suspendedUntil: '', professionVerified: null, displayName: '甲' }
    expect(fieldsSet(sent, stored, NO_HIDDEN)).toEqual(['displayName'])
  })

  it('counts an internal field whenever it is sent, even with its stored value', () => {
    expect(fieldsSet({ hash: 'h' }, stored, NO_HIDDEN)).toEqual(['hash'])
    expect(fieldsSet({ secretThing: 1 }, stored, new Set(['secretThing']))).toEqual(['secretThing'])
  })

  it('counts everything sent on a create', () => {
    expect(fieldsSet({ email: 'a@x.test', _verified: false, displayName: '甲', password: undefined }, null, NO_HIDDEN)).toEqual(['email', '_verified', 'displayName'])
  })

  it.each([
    ['password', 'new-password-1', undefined, true],
    ['password', '', undefined, false],
    ['suspendedUntil', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00Z', false],
    ['suspendedUntil', '2030-01-02T00:00:00.000Z', '2030-01-01T00:00:00.000Z', true],
    ['_verified', false, null, false],
    ['_verified', true, false, true],
    ['email', 'b@x.test', 'a@x.test', true],
  ])('%s: %j over %j changes it: %s', (field, sent, before, expected) => {
    expect(changesStoredValue(field, sent, before)).toBe(expected)
  })
})

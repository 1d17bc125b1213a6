import { EDITOR_ROLES, hasAnyRole, PUBLISHER_ROLES, STAFF_ROLE_LABELS, STAFF_ROLES, WRITER_ROLES } from '../../../src/lib/roles'

describe('roles', () => {
  it('has a Chinese and English label for every staff role', () => {
    expect(STAFF_ROLES).toEqual(['admin', 'editor-in-chief', 'editor', 'reporter', 'moderator'])
    expect(STAFF_ROLE_LABELS['editor-in-chief'].zh).toBe('总编')
    expect(STAFF_ROLE_LABELS.editor.zh).toBe('编辑')
    expect(STAFF_ROLE_LABELS.reporter.zh).toBe('记者')
    expect(STAFF_ROLE_LABELS.moderator.zh).toBe('审核员')
    for (const role of STAFF_ROLES) expect(STAFF_ROLE_LABELS[role].en).toBeTruthy()
  })

  it('nests the groups as the newsroom works: publishers ⊂ editors ⊂ writers, moderators write nothing', () => {
    expect([...PUBLISHER_ROLES].sort()).toEqual(['admin', 'editor-in-chief'])
    expect([...EDITOR_ROLES].sort()).toEqual(['admin', 'editor', 'editor-in-chief'])
    expect([...WRITER_ROLES].sort()).toEqual(['admin', 'editor', 'editor-in-chief', 'reporter'])
    expect(WRITER_ROLES).not.toContain('moderator')
  })
})

describe('hasAnyRole', () => {
  it('is true when one of the roles is wanted', () => {
    expect(hasAnyRole(['editor'], EDITOR_ROLES)).toBe(true)
    expect(hasAnyRole(['moderator', 'reporter'], WRITER_ROLES)).toBe(true)
    expect(hasAnyRole(['editor-in-chief'], PUBLISHER_ROLES)).toBe(true)
  })

  it('is false for other roles, no roles, unknown roles and non-lists', () => {
    expect(hasAnyRole(['editor'], PUBLISHER_ROLES)).toBe(false)
    expect(hasAnyRole(['moderator'], WRITER_ROLES)).toBe(false)
    expect(hasAnyRole([], WRITER_ROLES)).toBe(false)
    expect(hasAnyRole(['reader', 'Admin'], PUBLISHER_ROLES)).toBe(false)
    expect(hasAnyRole(null, PUBLISHER_ROLES)).toBe(false)
    expect(hasAnyRole(undefined, PUBLISHER_ROLES)).toBe(false)
    expect(hasAnyRole('admin' as unknown as string[], PUBLISHER_ROLES)).toBe(false)
  })
})

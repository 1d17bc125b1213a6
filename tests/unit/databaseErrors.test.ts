import { clientDatabaseError, fieldNameOfColumn } from '../../src/lib/databaseErrors'

const fkViolation = {
  code: '23503',
  detail: 'Key (category_id)=(999) is not present in table "categories".',
}

describe('clientDatabaseError', () => {
  it('answers a foreign-key violation with the field the column belongs to', () => {
    expect(clientDatabaseError(fkViolation)).toEqual({ path: 'category', message: 'Refers to a document that does not exist' })
  })

  it('finds the PostgreSQL error in `cause`, as Drizzle wraps it', () => {
    const wrapped = Object.assign(new Error('Failed query: insert into "articles" …'), { cause: fkViolation })
    expect(clientDatabaseError(wrapped)).toEqual({ path: 'category', message: 'Refers to a document that does not exist' })
  })

  it('prefers the `column` the driver reports', () => {
    expect(clientDatabaseError({ code: '22001', column: 'responsible_editor_name', detail: 'Key (x_id)=(1)' })).toEqual({
      path: 'responsibleEditorName',
      message: 'Value is too long',
    })
  })

  it('names no path when neither a column nor a key is given', () => {
    expect(clientDatabaseError({ code: '22P02', message: 'invalid input syntax for type integer: "abc"' })).toEqual({
      path: null,
      message: 'Invalid value for this field',
    })
  })

  it.each([
    ['22P02', 'Invalid value for this field'],
    ['22001', 'Value is too long'],
    ['22003', 'Number is out of range'],
    ['22007', 'Invalid date'],
    ['22008', 'Date is out of range'],
  ])('treats %s as the client’s error', (code, message) => {
    expect(clientDatabaseError({ code, column: 'published_at' })).toEqual({ path: 'publishedAt', message })
  })

  it.each([['23505'], ['42P01'], ['08006'], ['57014'], ['40001'], ['']])('leaves %p to the server’s error handling', (code) => {
    expect(clientDatabaseError({ code, detail: 'Key (category_id)=(1) already exists.' })).toBeNull()
    expect(clientDatabaseError({ cause: { code } })).toBeNull()
  })

  it('is null for anything that is not a database error', () => {
    expect(clientDatabaseError(new Error('boom'))).toBeNull()
    expect(clientDatabaseError(null)).toBeNull()
    expect(clientDatabaseError(undefined)).toBeNull()
    expect(clientDatabaseError('23503')).toBeNull()
  })

  // `code in CLIENT_ERROR_MESSAGES` also finds Object.prototype's members.
  it.each([['toString'], ['constructor'], ['hasOwnProperty']])('is null for an error whose code is %p, an inherited property name', (code) => {
    expect(clientDatabaseError({ code })).toBeNull()
  })
})

describe('fieldNameOfColumn', () => {
  it.each([
    ['responsible_editor_id', 'responsibleEditor'],
    ['category_id', 'category'],
    ['cover_image_id', 'coverImage'],
    ['published_at', 'publishedAt'],
    ['title', 'title'],
    ['sizes_card_width', 'sizesCardWidth'],
    ['version_2_title', 'version2Title'],
  ])('%s → %s', (column, field) => {
    expect(fieldNameOfColumn(column)).toBe(field)
  })

  it('only drops `_id` at the end', () => {
    expect(fieldNameOfColumn('id')).toBe('id')
    expect(fieldNameOfColumn('idea_id')).toBe('idea')
    expect(fieldNameOfColumn('paid_identity')).toBe('paidIdentity')
  })
})

import { clientDatabaseError, databaseUnavailable, fieldNameOfColumn, pathOfNulCharacter } from '../../../../src/lib/api/databaseErrors'

const fkViolation = {
  code: '23503',
  detail: 'Key (category_id)=(999) is not present in table "categories".',
}

describe('clientDatabaseError', () => {
  it('answers a foreign-key violation with the field the column belongs to', () => {
    expect(clientDatabaseError(fkViolation)).toEqual({ path: 'category', message: { code: 'RELATED_DOCUMENT_MISSING' } })
  })

  it('finds the PostgreSQL error in `cause`, as Drizzle wraps it', () => {
    const wrapped = Object.assign(new Error('Failed query: insert into "articles" …'), { cause: fkViolation })
    expect(clientDatabaseError(wrapped)).toEqual({ path: 'category', message: { code: 'RELATED_DOCUMENT_MISSING' } })
  })

  it('prefers the `column` the driver reports', () => {
    expect(clientDatabaseError({ code: '22001', column: 'responsible_editor_name', detail: 'Key (x_id)=(1)' })).toEqual({
      path: 'responsibleEditorName',
      message: { code: 'VALUE_TOO_LONG' },
    })
  })

  it('names the column an operator that does not exist was applied to, where PostgreSQL points in the query', () => {
    const query = 'select count(*) from "comments" where (("comments"."article_id" ilike $1 and "comments"."status" = $2))'
    const failed = Object.assign(new Error(`Failed query: ${query}`), {
      query,
      cause: { code: '42883', position: String(query.indexOf('ilike') + 1), message: 'operator does not exist: integer ~~* unknown' },
    })
    expect(clientDatabaseError(failed)).toEqual({ path: 'article', message: { code: 'OPERATOR_NOT_FOR_FIELD' } })
    const notLike = 'select 1 from "articles" where "articles"."created_at" not ilike $1'
    const operatorMissing = { code: '42883', message: 'operator does not exist: timestamp with time zone !~~* unknown' }
    expect(clientDatabaseError({ query: notLike, cause: { ...operatorMissing, position: String(notLike.indexOf('not') + 1) } })?.path).toBe('createdAt')
    expect(clientDatabaseError({ query: notLike, cause: operatorMissing })?.path).toBeNull()
  })

  it('leaves a missing function, or an operator in a statement of the server\'s own, to the server\'s error handling', () => {
    const query = 'select article_search_count_up_to($1, $2)'
    expect(clientDatabaseError({ query, cause: { code: '42883', message: 'function article_search_count_up_to(tsquery, integer) does not exist' } })).toBeNull()
    expect(clientDatabaseError({ code: '42883', message: 'operator does not exist: integer ~~* unknown' })).toBeNull()
  })

  it('names no path when neither a column nor a key is given', () => {
    expect(clientDatabaseError({ code: '22P02', message: 'invalid input syntax for type integer: "abc"' })).toEqual({
      path: null,
      message: { code: 'VALUE_INVALID' },
    })
  })

  it.each([
    ['22P02', { code: 'VALUE_INVALID' }],
    ['22001', { code: 'VALUE_TOO_LONG' }],
    ['22003', { code: 'NUMBER_OUT_OF_RANGE' }],
    ['22007', { code: 'DATE_INVALID' }],
    ['22008', { code: 'DATE_OUT_OF_RANGE' }],
    ['22009', { code: 'DATE_OUT_OF_RANGE' }],
    ['22021', { code: 'NUL_CHARACTER' }],
    ['22P05', { code: 'NUL_CHARACTER' }],
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

describe('pathOfNulCharacter', () => {
  it('names the first field or query parameter whose text holds a NUL', () => {
    expect(pathOfNulCharacter({ title: 'ok', quote: 'a\u0000b' })).toBe('quote')
    expect(pathOfNulCharacter({ where: { or: [{ slug: { equals: 'x' } }, { title: { like: '\u0000' } }] } })).toBe('where.or.1.title.like')
    expect(pathOfNulCharacter('\u0000')).toBe('data')
  })

  it('is null when there is none', () => {
    expect(pathOfNulCharacter({ title: '降准', count: 0, tags: [1, null] })).toBeNull()
    expect(pathOfNulCharacter(undefined)).toBeNull()
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
    ['_status', '_status'],
  ])('%s → %s', (column, field) => {
    expect(fieldNameOfColumn(column)).toBe(field)
  })

  it('only drops `_id` at the end', () => {
    expect(fieldNameOfColumn('id')).toBe('id')
    expect(fieldNameOfColumn('idea_id')).toBe('idea')
    expect(fieldNameOfColumn('paid_identity')).toBe('paidIdentity')
  })
})

describe('databaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a refusal wrapped by Drizzle', Object.assign(new Error('Failed query: select 1'), { cause: { code: 'ECONNREFUSED', message: '' } })],
    ['every address refused (AggregateError)', Object.assign(new AggregateError([{ code: 'ECONNREFUSED' }], ''), {})],
    ['the server shutting down (57P01)', { code: '57P01', message: 'terminating connection due to administrator command' }],
    ['the server starting up (57P03)', { code: '57P03', message: 'the database system is starting up' }],
    ['a connection exception (08006)', { code: '08006' }],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ["the pool's connection time-out", new Error('timeout exceeded when trying to connect')],
    ["Payload's failed BEGIN", new Error('Error: cannot begin transaction: ')],
  ])('is true for %s', (_label, error) => {
    expect(databaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a unique violation', { code: '23505', message: 'duplicate key value violates unique constraint' }],
    ['a foreign-key violation', fkViolation],
    ['a statement time-out', { code: '57014', message: 'canceling statement due to statement timeout' }],
    ['a plain error', new Error('boom')],
    ['nothing', null],
  ])('is false for %s', (_label, error) => {
    expect(databaseUnavailable(error)).toBe(false)
  })
})

/**
 * The access rules, written once: every collection and global of the built config (Payload's own
 * included) × every caller × every operation, custom endpoint and field whose access differs from its
 * collection's. `tests/api/accessMatrix.test.ts` walks every cell against the running server (REST and
 * GraphQL); `tests/unit/accessMatrix.test.ts` keeps the table and the config naming the same things and
 * the role table in docs/roles.md agreeing with it.
 *
 * A row reads as a line of policy: `target`, `op`, then one answer per caller, in this order:
 *
 *     anonymous  api-client  reader  owner  |  admin  editor-in-chief  editor  reporter  moderator
 *
 * `reader` is a logged-in reader who owns nothing the row is about; `owner` is the reader who owns the
 * document (their account, comment, correction request, avatar). An API client is served as anonymous.
 *
 * Answers:
 *   ✓     allowed. A read returns every fixture (drafts and unapproved ones included); a write is stored.
 *   ✗     refused: 4xx (or, for a read, no document and no value); nothing stored changes.
 *   pub   reads: only what is public (the published article, the approved comment).
 *   own   only on the caller's own document (their staff account, their preferences).
 *   held  an email change that does not take effect: the address stays, a confirmation goes to the new one.
 *
 * `op` is an operation (`create`, `read`, `update`, `delete`, `readVersions`, `publish`, `update live`),
 * a custom endpoint (`POST /:id/review`, relative to the collection, or to `/api` for the `api` target),
 * or a field (`email · read`, `email · update`, or `email · create`: sent with a new document).
 * `credentials` marks rows that change what logs an account in (its email, password, sessions): each
 * such cell acts on an account made for it. `on` says which document or request a row is about, when
 * that is not the obvious one; `refusal` is the exact status a refusal must have, where the rules name it.
 */

export const CALLERS = ['anonymous', 'api-client', 'reader', 'owner', 'admin', 'editor-in-chief', 'editor', 'reporter', 'moderator'] as const
export type Caller = (typeof CALLERS)[number]
export const STAFF_CALLERS = ['admin', 'editor-in-chief', 'editor', 'reporter', 'moderator'] as const

export type Answer = '✓' | '✗' | 'pub' | 'own' | 'held'
const ANSWERS: readonly string[] = ['✓', '✗', 'pub', 'own', 'held']

export type Rule = {
  target: string
  op: string
  answers: Record<Caller, Answer>
  /** The row changes an account's credentials: each cell acts on a throwaway account. */
  credentials?: true
  /** A refusal here must be exactly this status (the target rules name it), not merely some 4xx. */
  refusal?: number
  /** Which fixture the row is about, when not the collection's usual one. */
  on?: string
}

function rule(target: string, op: string, cells: string, extra: Omit<Rule, 'target' | 'op' | 'answers'> = {}): Rule {
  const words = cells.split(/\s+/).filter((word) => word && word !== '|')
  if (words.length !== CALLERS.length || words.some((word) => !ANSWERS.includes(word))) {
    throw new Error(`${target} ${op}: expected ${CALLERS.length} answers (${ANSWERS.join(' ')}), got "${cells}"`)
  }
  return { target, op, answers: Object.fromEntries(CALLERS.map((caller, i) => [caller, words[i] as Answer])) as Record<Caller, Answer>, ...extra }
}

const AUTH = { credentials: true, refusal: 403 } as const

/** The storage plugin's fields on upload collections (src/plugins/objectStorage.ts). */
const STORAGE_FIELDS = ['prefix', '_objectKey']

/** Payload's internal auth fields: nobody writes them through the API (403) nor reads them. */
const INTERNAL_AUTH_FIELDS = ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'resetPasswordRequestedAt', 'loginAttempts', 'lockUntil', 'sessions']

const internalAuthFields = (target: string, fields: string[]) =>
  fields.flatMap((field) => [
    rule(target, `${field} · read`, '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { credentials: true }),
    rule(target, `${field} · update`, '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', AUTH),
  ])

//                                                   anon client reader owner | admin chief editor reporter moderator
export const MATRIX: Rule[] = [
  // ------------------------------------------------------------------------------------------ articles
  rule('articles', 'create',                          '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✗'),
  rule('articles', 'read',                            'pub pub pub pub | ✓ ✓ ✓ ✓ ✓'),
  rule('articles', 'readVersions',                    '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('articles', 'update',                          '✗ ✗ ✗ ✗ | ✓ ✓ ✓ own ✗'),
  rule('articles', 'publish',                         '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('articles', 'delete',                          '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('articles', 'GET /page/:slug',                 '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('articles', 'GET /hot',                        '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('articles', 'GET /channel/:slug',               '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('articles', 'POST /:id/preview-link',          '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('articles', 'GET /preview',                    '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓', { on: 'a valid preview token' }),
  rule('articles', 'POST /:id/review',                '✗ ✗ ✗ ✗ | ✓ ✓ ✓ own ✗', { on: 'submit a draft' }),
  rule('articles', 'GET /:id/screening',              '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('articles', 'GET /screening-report',           '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✗'),
  rule('articles', 'POST /:id/schedule',              '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('articles', 'GET /:id/schedule',               '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('articles', 'responsibleEditor · read',        '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('articles', 'createdBy · read',                '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('articles', 'createdBy · update',              '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('articles', 'responsibleEditorName · update',  '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('articles', 'approvedCommentCount · update',   '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ...['reviewState', 'approvedBy', 'approvedAt', 'reviewHistory', 'screeningOverride', 'importedFrom'].flatMap((field) => [
    rule('articles', `${field} · read`,               '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
    rule('articles', `${field} · update`,             '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ]),
  ...['createdBy', 'reviewState', 'approvedBy', 'approvedCommentCount', 'responsibleEditorName'].map((field) =>
    rule('articles', `${field} · create`,             '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗')),

  // ------------------------------------------------------------------------------ channels, tags, authors
  rule('categories', 'create',                        '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✗'),
  rule('categories', 'read',                          '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('categories', 'update',                        '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✗'),
  rule('categories', 'delete',                        '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  ...['breadcrumbs', 'title'].map((field) =>
    rule('categories', `${field} · update`,           '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗')),
  rule('tags', 'create',                              '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✗'),
  rule('tags', 'read',                                '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('tags', 'update',                              '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✗'),
  rule('tags', 'delete',                              '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✗'),
  rule('authors', 'create',                           '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✗'),
  rule('authors', 'read',                             '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('authors', 'update',                           '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✗'),
  rule('authors', 'delete',                           '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('authors', 'user · read',                      '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),

  // ---------------------------------------------------------------------------------------------- media
  rule('media', 'create',                             '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✗'),
  rule('media', 'read',                               '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('media', 'update',                             '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✗'),
  rule('media', 'update live',                        '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗', { refusal: 403, on: 'the cover of a published article' }),
  rule('media', 'delete',                             '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✗'),
  rule('media', 'GET /file/:filename',                '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('media', 'GET /paste-url/:id?',                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { on: 'pasting from a URL is off' }),
  // Where a document's objects are in a bucket (S3_BUCKET): the server alone writes it.
  ...STORAGE_FIELDS.flatMap((field) => [
    rule('media', `${field} · update`,                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
    rule('media', `${field} · create`,                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ]),

  // ------------------------------------------------------------------------------------------- comments
  rule('comments', 'create',                          '✗ ✗ ✓ ✓ | ✗ ✗ ✗ ✗ ✗'),
  rule('comments', 'read',                            'pub pub pub ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('comments', 'update',                          '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),
  rule('comments', 'delete',                          '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { on: 'for good: only the purge job, past RECORD_RETENTION_DAYS' }),
  rule('comments', 'deletedAt · update',              '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗', { on: 'moving it to the trash' }),
  rule('comments', 'POST /:id/report',                '✗ ✗ ✓ ✓ | ✗ ✗ ✗ ✗ ✗'),
  rule('comments', 'POST /:id/like',                  '✗ ✗ ✓ ✓ | ✗ ✗ ✗ ✗ ✗'),
  rule('comments', 'DELETE /:id/like',                '✗ ✗ ✓ ✓ | ✗ ✗ ✗ ✗ ✗'),
  rule('comments', 'GET /liked',                      '✗ ✗ ✓ ✓ | ✗ ✗ ✗ ✗ ✗'),
  ...['article', 'parent', 'body', 'commenter', 'replyCount', 'likeCount', 'ipRegion'].map((field) =>
    rule('comments', `${field} · update`,             '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗')),
  rule('comments', 'status · read',                   '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✓'),
  rule('comments', 'status · update',                 '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),
  rule('comments', 'featured · update',               '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),
  rule('comments', 'moderationNote · update',         '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓', { on: 'kept in the moderation log' }),
  rule('comments', 'reader · read',                   '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✓'),
  rule('comments', 'reader · update',                 '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ...['screening', 'maskedOriginal', 'originalId', 'reportCount', 'reports', 'moderationLog'].flatMap((field) => [
    rule('comments', `${field} · read`,               '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),
    rule('comments', `${field} · update`,             '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ]),
  rule('comments', 'ip · read',                       '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('comments', 'ip · update',                     '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ...['status', 'featured', 'reader', 'ip', 'ipRegion', 'reportCount', 'likeCount'].map((field) =>
    rule('comments', `${field} · create`,             '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗')),

  // -------------------------------------------------------------------------------- correction requests
  rule('correction-requests', 'create',               '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('correction-requests', 'read',                 '✗ ✗ ✗ ✓ | ✓ ✓ ✓ ✗ ✓'),
  rule('correction-requests', 'update',               '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✓'),
  rule('correction-requests', 'delete',               '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('correction-requests', 'GET /lookup',          '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓', { on: 'the token given to the sender' }),
  ...['article', 'quote', 'suggestion', 'explanation'].map((field) =>
    rule('correction-requests', `${field} · update`,  '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗')),
  rule('correction-requests', 'errorType · update',   '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✓'),
  ...['reporterName', 'reporterEmail'].flatMap((field) => [
    rule('correction-requests', `${field} · read`,    '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✓'),
    rule('correction-requests', `${field} · update`,  '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ]),
  rule('correction-requests', 'website · read',       '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('correction-requests', 'status · update',      '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✓'),
  rule('correction-requests', 'replyToReporter · update', '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✓'),
  ...['assignee', 'internalNotes', 'noNoticeReason', 'duplicateOf'].flatMap((field) => [
    rule('correction-requests', `${field} · read`,    '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✓'),
    rule('correction-requests', `${field} · update`,  '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✓'),
  ]),
  rule('correction-requests', 'statusNote · update',  '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✓', { on: 'kept in the history' }),
  ...['reader', 'readerName', 'quoteFound', 'normalisedQuote', 'screening', 'history'].flatMap((field) => [
    rule('correction-requests', `${field} · read`,    '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✓'),
    rule('correction-requests', `${field} · update`,  '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ]),
  rule('correction-requests', 'title · update',       '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('correction-requests', 'lookupTokenHash · read', '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('correction-requests', 'lookupTokenHash · update', '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('correction-requests', 'ip · read',            '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('correction-requests', 'ip · update',          '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ...['status', 'title', 'reader', 'readerName', 'ip', 'lookupTokenHash', 'quoteFound', 'duplicateOf'].map((field) =>
    rule('correction-requests', `${field} · create`,  '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗')),
  rule('correction-requests', 'assignee · create',    '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✗ ✓'),

  // -------------------------------------------------------------------------------------------- readers
  rule('readers', 'create',                           '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓', { on: 'a sign-up' }),
  rule('readers', 'read',                             '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✓'),
  rule('readers', 'update',                           '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✓'),
  rule('readers', 'delete',                           '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { on: 'for good: only the purge job, past RECORD_RETENTION_DAYS' }),
  rule('readers', 'deletedAt · update',               '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗', { on: 'moving the account to the trash' }),
  rule('readers', 'POST /unlock',                     '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),
  rule('readers', 'email · read',                     '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✓'),
  rule('readers', 'email · update',                   '✗ ✗ ✗ held | held ✗ ✗ ✗ ✗', AUTH),
  rule('readers', 'password · update',                '✗ ✗ ✗ ✓ | ✗ ✗ ✗ ✗ ✗', { ...AUTH, on: 'with the current password' }),
  rule('readers', 'password · update',                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { credentials: true, on: 'without the current password' }),
  rule('readers', '_verified · update',               '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗', AUTH),
  rule('readers', '_verified · create',               '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗', { ...AUTH, on: 'a sign-up sending it' }),
  ...['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'loginAttempts', 'lockUntil', '_verificationToken'].map((field) =>
    rule('readers', `${field} · create`,              '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', AUTH)),
  ...internalAuthFields('readers', [...INTERNAL_AUTH_FIELDS, '_verificationToken']),
  ...['professionVerified', 'status', 'suspendedUntil'].flatMap((field) => [
    rule('readers', `${field} · read`,                '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✓'),
    rule('readers', `${field} · update`,              '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓', AUTH),
    rule('readers', `${field} · create`,              '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓', AUTH),
  ]),
  rule('readers', 'pendingEmail · read',              '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✓'),
  rule('readers', 'pendingEmail · update',            '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', AUTH),
  ...internalAuthFields('readers', ['pendingEmailTokenHash', 'pendingEmailExpiresAt']),
  // 后台实名: a reader binds their own number; only an admin reads one in full, each time audited.
  rule('readers', 'POST /phone/code',                 '✗ ✗ ✓ ✓ | ✗ ✗ ✗ ✗ ✗'),
  rule('readers', 'POST /phone/verify',               '✗ ✗ ✓ ✓ | ✗ ✗ ✗ ✗ ✗', { on: 'the code sent to the caller' }),
  rule('readers', 'POST /:id/phone/reveal',           '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗', { on: "the owner's bound number" }),
  ...['phoneMasked', 'phoneVerifiedAt'].flatMap((field) => [
    rule('readers', `${field} · read`,                '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✓'),
    rule('readers', `${field} · update`,              '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ]),
  ...internalAuthFields('readers', ['phoneHash', 'phoneCiphertext']),
  rule('readers', 'moderationLog · read',             '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),
  rule('readers', 'moderationLog · update',           '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('readers', 'notifyByEmail · read',             '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✗'),
  rule('readers', 'notifyByEmail · update',           '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✗', { refusal: 403 }),

  // -------------------------------------------------------------------------------------- notifications
  // Written by the server when a comment's status changes; a reader reads theirs, admins all (support).
  rule('notifications', 'create',                     '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('notifications', 'read',                       '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✗'),
  rule('notifications', 'update',                     '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('notifications', 'delete',                     '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('notifications', 'GET /unread-count',          '✗ ✗ ✓ ✓ | ✗ ✗ ✗ ✗ ✗', { on: 'their own count' }),
  rule('notifications', 'POST /read',                 '✗ ✗ ✓ ✓ | ✗ ✗ ✗ ✗ ✗', { on: 'marks their own only' }),
  ...['reader', 'kind', 'outcome', 'article', 'articleTitle', 'articleSlug', 'comment', 'commentExcerpt', 'inReplyTo', 'replierName', 'readAt', 'key'].map((field) =>
    rule('notifications', `${field} · update`,        '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗')),
  rule('notifications', 'key · read',                 '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),

  // -------------------------------------------------------------------------------------------- avatars
  rule('avatars', 'create',                           '✗ ✗ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('avatars', 'read',                             '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('avatars', 'update',                           '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✓'),
  rule('avatars', 'delete',                           '✗ ✗ ✗ ✓ | ✓ ✗ ✗ ✗ ✓'),
  rule('avatars', 'GET /file/:filename',              '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('avatars', 'GET /paste-url/:id?',              '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { on: 'pasting from a URL is off' }),
  rule('avatars', 'owner · read',                     '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),
  rule('avatars', 'owner · update',                   '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('avatars', 'owner · create',                   '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { on: 'the uploader is the owner' }),
  ...STORAGE_FIELDS.flatMap((field) => [
    rule('avatars', `${field} · update`,              '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
    rule('avatars', `${field} · create`,              '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  ]),

  // ----------------------------------------------------------------------------------- screening words
  rule('screening-words', 'create',                   '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),
  rule('screening-words', 'read',                     '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('screening-words', 'update',                   '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),
  rule('screening-words', 'delete',                   '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),

  // ------------------------------------------------------------------------------------ staff accounts
  rule('users', 'create',                             '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('users', 'read',                               '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('users', 'update',                             '✗ ✗ ✗ ✗ | ✓ own own own own'),
  rule('users', 'delete',                             '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('users', 'POST /unlock',                       '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('users', 'email · read',                       '✗ ✗ ✗ ✗ | ✓ own own own own'),
  rule('users', 'email · update',                     '✗ ✗ ✗ ✗ | held held held held held', AUTH),
  rule('users', 'roles · update',                     '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('users', 'password · update',                  '✗ ✗ ✗ ✗ | own own own own own', { ...AUTH, on: 'with the current password' }),
  rule('users', 'password · update',                  '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { credentials: true, on: 'without the current password' }),
  ...internalAuthFields('users', INTERNAL_AUTH_FIELDS),
  rule('users', 'pendingEmail · read',                '✗ ✗ ✗ ✗ | ✓ own own own own'),
  rule('users', 'pendingEmail · update',              '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', AUTH),
  ...internalAuthFields('users', ['pendingEmailTokenHash', 'pendingEmailExpiresAt']),
  ...['hash', 'salt', 'resetPasswordToken', 'loginAttempts', 'lockUntil'].map((field) =>
    rule('users', `${field} · create`,                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', AUTH)),

  // -------------------------------------------------------------------------------- webhooks, clients
  rule('webhooks', 'create',                          '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('webhooks', 'read',                            '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('webhooks', 'update',                          '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('webhooks', 'delete',                          '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('webhooks', 'secret · read',                   '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('webhooks', 'timedOutAt · update',             '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('webhooks', 'timedOutAt · create',             '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('webhook-deliveries', 'create',                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('webhook-deliveries', 'read',                  '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('webhook-deliveries', 'update',                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('webhook-deliveries', 'delete',                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('api-clients', 'create',                       '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('api-clients', 'read',                         '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('api-clients', 'update',                       '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('api-clients', 'delete',                       '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('api-clients', 'POST /unlock',                 '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { on: 'keys only: no password to lock' }),
  rule('api-clients', 'apiKey · read',                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { on: 'write-only: admins see hasAPIKey' }),
  rule('api-clients', 'apiKey · update',              '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('api-clients', 'enableAPIKey · update',        '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('api-clients', 'apiKeyIndex · read',           '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('api-clients', 'hasAPIKey · read',             '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),

  // ------------------------------------------------------------------------------------------ audit log
  rule('audit-log', 'create',                         '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('audit-log', 'read',                           '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('audit-log', 'update',                         '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('audit-log', 'delete',                         '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('audit-log', 'ip · read',                      '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('audit-log', 'attemptedEmail · read',          '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗', { on: 'a failed login: no other field shows the email tried' }),

  // -------------------------------------------------------------------------------- Payload's own
  rule('payload-locked-documents', 'create',          '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('payload-locked-documents', 'read',            '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('payload-locked-documents', 'update',          '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('payload-locked-documents', 'delete',          '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('payload-preferences', 'create',               '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('payload-preferences', 'read',                 '✗ ✗ ✗ ✗ | own own own own own'),
  rule('payload-preferences', 'update',               '✗ ✗ ✗ ✗ | own own own own own'),
  rule('payload-preferences', 'delete',               '✗ ✗ ✗ ✗ | own own own own own'),
  rule('payload-preferences', 'GET /:key',            '✗ ✗ ✗ ✗ | own own own own own'),
  rule('payload-preferences', 'POST /:key',           '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('payload-preferences', 'DELETE /:key',         '✗ ✗ ✗ ✗ | own own own own own'),
  rule('payload-jobs', 'create',                      '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('payload-jobs', 'read',                        '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('payload-jobs', 'update',                      '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('payload-jobs', 'delete',                      '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('payload-jobs', 'GET /run',                    '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('payload-jobs', 'GET /handle-schedules',       '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('payload-migrations', 'create',                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('payload-migrations', 'read',                  '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗', { on: 'no REST routes, no GraphQL: admins read it in the admin panel only' }),
  rule('payload-migrations', 'update',                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('payload-migrations', 'delete',                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('payload-kv', 'create',                        '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('payload-kv', 'read',                          '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('payload-kv', 'update',                        '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),
  rule('payload-kv', 'delete',                        '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),

  // -------------------------------------------------------------------------------------------- globals
  rule('site-settings', 'read',                       '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('site-settings', 'update',                     '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('site-settings', 'ipRegionDatabase · read',    '✗ ✗ ✗ ✗ | ✓ ✓ ✓ ✓ ✓'),
  rule('moderation-settings', 'read',                 '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✓'),
  rule('moderation-settings', 'update',               '✗ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ ✗'),
  rule('payload-jobs-stats', 'read',                  '✗ ✗ ✗ ✗ | ✓ ✓ ✗ ✗ ✗'),
  rule('payload-jobs-stats', 'update',                '✗ ✗ ✗ ✗ | ✗ ✗ ✗ ✗ ✗'),

  // ------------------------------------------------------------------------------- root endpoints (/api)
  rule('api', 'GET /corrections',                     '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
  rule('api', 'GET /search',                          '✓ ✓ ✓ ✓ | ✓ ✓ ✓ ✓ ✓'),
]

/**
 * Payload's own endpoints that every auth or upload collection has, and that grant nothing by
 * themselves: each checks the credentials it is given (a password, a token) or answers about the
 * caller alone. Their behaviour is tested in tests/api/auth.test.ts; here they are named so that an
 * endpoint nobody has looked at still fails the unit test.
 */
export const OPEN_AUTH_ENDPOINTS = [
  'POST /login',
  'POST /logout',
  'GET /me',
  'POST /refresh-token',
  'POST /forgot-password',
  'POST /reset-password',
  'POST /verify/:id',
  'GET /init',
  'POST /first-register',
  'POST /confirm-email',
]

/** Which GraphQL operations a collection or global has: Payload's generated names, or none. */
export const GRAPHQL: Record<string, { one: string; many?: string } | false> = {
  articles: { one: 'Article', many: 'Articles' },
  categories: { one: 'Category', many: 'Categories' },
  tags: { one: 'Tag', many: 'Tags' },
  authors: { one: 'Author', many: 'Authors' },
  media: { one: 'Media', many: 'allMedia' },
  comments: { one: 'Comment', many: 'Comments' },
  'correction-requests': { one: 'CorrectionRequest', many: 'CorrectionRequests' },
  readers: { one: 'Reader', many: 'Readers' },
  notifications: { one: 'Notification', many: 'Notifications' },
  avatars: { one: 'Avatar', many: 'Avatars' },
  'screening-words': { one: 'ScreeningWord', many: 'ScreeningWords' },
  users: { one: 'User', many: 'Users' },
  webhooks: { one: 'Webhook', many: 'Webhooks' },
  'webhook-deliveries': { one: 'WebhookDelivery', many: 'WebhookDeliveries' },
  'api-clients': { one: 'ApiClient', many: 'ApiClients' },
  'audit-log': { one: 'AuditLog', many: 'AuditLogs' },
  'payload-kv': { one: 'PayloadKv', many: 'PayloadKvs' },
  'payload-jobs': { one: 'PayloadJob', many: 'PayloadJobs' },
  'payload-locked-documents': { one: 'PayloadLockedDocument', many: 'PayloadLockedDocuments' },
  'payload-preferences': { one: 'PayloadPreference', many: 'PayloadPreferences' },
  'payload-migrations': false,
  'site-settings': { one: 'SiteSetting' },
  'moderation-settings': { one: 'ModerationSetting' },
  'payload-jobs-stats': { one: 'PayloadJobsStat' },
}

export const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const

/** `POST /:id/review` → the method and path; null for operations and fields. */
export function endpointOf(op: string): { method: string; path: string } | null {
  const [method, path] = op.split(' ')
  return (METHODS as readonly string[]).includes(method) && path?.startsWith('/') ? { method, path } : null
}

/** `email · read` → the field and what is done to it; null for operations and endpoints. */
export function fieldOf(op: string): { field: string; action: 'read' | 'update' | 'create' } | null {
  const match = /^(\S+) · (read|update|create)$/.exec(op)
  return match ? { field: match[1], action: match[2] as 'read' | 'update' | 'create' } : null
}

export const COLLECTION_OPERATIONS = ['create', 'read', 'update', 'delete', 'readVersions', 'publish', 'update live'] as const

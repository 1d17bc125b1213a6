import path from 'node:path'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig, type PayloadRequest } from 'payload'
import sharp from 'sharp'

import { ApiClients } from './src/collections/ApiClients'
import { Articles } from './src/collections/Articles'
import { AuditLog } from './src/collections/AuditLog'
import { Avatars } from './src/collections/Avatars'
import { Comments } from './src/collections/Comments'
import { correctionsLogEndpoint } from './src/endpoints/correctionsLog'
import { correctionsLogQuery } from './src/endpoints/correctionsLogGraphQL'
import { articleReadOnQuery } from './src/collections/Articles/endpoints/articlePage'
import { channelListQuery } from './src/collections/Articles/endpoints/channelList'
import { hotArticlesQuery } from './src/collections/Articles/endpoints/hotArticles'
import { searchEndpoint, searchQuery } from './src/endpoints/search'
import { CorrectionRequests } from './src/collections/CorrectionRequests'
import { Authors } from './src/collections/Authors'
import { Categories } from './src/collections/Categories'
import { Media, MEDIA_MAX_BYTES } from './src/collections/Media'
import { Notifications } from './src/collections/Notifications'
import { governingPayloadsOwnCollections } from './src/collections/payloadCollections'
import { Readers } from './src/collections/Readers'
import { ScreeningWords } from './src/collections/ScreeningWords'
import { Tags } from './src/collections/Tags'
import { Users } from './src/collections/Users'
import { WebhookDeliveries } from './src/collections/WebhookDeliveries'
import { Webhooks } from './src/collections/Webhooks'
import { ModerationSettings } from './src/globals/ModerationSettings'
import { SiteSettings } from './src/globals/SiteSettings'
import { announcingCollectionChanges, announcingGlobalChanges } from './src/hooks/everywhere/announceContentChanges'
import { notingSaveKinds } from './src/hooks/everywhere/noteSaveKind'
import { databaseErrorsAsBadRequests } from './src/hooks/everywhere/databaseErrorsAsBadRequests'
import { databaseOutageAsUnavailable } from './src/hooks/everywhere/databaseOutageAsUnavailable'
import { explainingLocksInBulk, explainLockedDocument } from './src/hooks/everywhere/explainLockedDocument'
import { malformedFormAsBadRequest } from './src/hooks/everywhere/malformedFormAsBadRequest'
import { authAttemptLimits } from './src/hooks/everywhere/limitAuthAttempts'
import { auditingCollection, recordFailedLogins } from './src/hooks/everywhere/recordAuditTrail'
import { checkingEveryCollectionsQueries } from './src/hooks/everywhere/refuseUnservableQueries'
import { keepingDeletedRecords } from './src/hooks/everywhere/keepDeletedRecords'
import { checkingCollectionWrites, checkingGlobalWrites } from './src/hooks/everywhere/rejectMalformedWrites'
import { isPublisherUser } from './src/access/roleChecks'
import { emailAdapter } from './src/email/adapter'
import { languageOf } from './src/i18n/requestMessages'
import { articleBodyEditor } from './src/fields/articleBodyEditor'
import { ADMIN_DATE_FORMAT, datesInAdminFormat, NEWSROOM_TIMEZONE } from './src/fields/newsroomTime'
import { boundingFindTotals } from './src/db/findTotals'
import { deliverWebhookTask } from './src/jobs/deliverWebhook'
import { purgeAuditLogTask } from './src/jobs/purgeAuditLog'
import { purgeDeletedRecordsTask } from './src/jobs/purgeDeletedRecords'
import { auditRetentionDaysFrom } from './src/lib/audit'
import { recordRetentionDaysFrom } from './src/lib/records/retention'
import { authRateLimitsFrom } from './src/lib/accounts/authRateLimit'
import { exactCountUpToFrom } from './src/lib/api/findTotals'
import { databasePoolSize } from './src/lib/runtime/envNumbers'
import { objectStorageFrom } from './src/lib/media/objectStorage'
import { objectStoragePlugin } from './src/plugins/objectStorage'
import { maxDepthRule } from './src/lib/graphql/depth'
import { maxFieldsRule } from './src/lib/graphql/fieldCount'
import { logger } from './src/lib/runtime/logger'
import { PROJECT_ROOT } from './src/lib/runtime/projectRoot'
import { deliverySettingsFrom, SLOW_WEBHOOKS_QUEUE, WEBHOOKS_QUEUE } from './src/lib/webhooks/delivery'
import { SEARCH_ENGINE_PUSHES, searchEnginePushesFrom } from './src/lib/discovery/searchEnginePush'

/** Read when this module loads: `src/server.ts` settles DATABASE_URL and the secret before importing it. */
const port = process.env.PORT || 3000
const serverURL = process.env.PUBLIC_URL || `http://localhost:${port}`
/**
 * The origins whose cookie-authenticated requests count (CSRF) and that CORS admits. Without a
 * PUBLIC_URL the server is on this machine, reached as localhost or 127.0.0.1 alike.
 */
const allowedOrigins = [
  ...(process.env.PUBLIC_URL ? [serverURL] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`]),
  ...(process.env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
]

/**
 * Logins, sign-ups and password resets, limited at the operation whatever carries them
 * (AUTH_RATE_LIMIT_*); `src/server.ts` hands over the rate-limit store every instance shares.
 */
export const authAttempts = authAttemptLimits(authRateLimitsFrom(process.env))

/** Likes are limited per reader and address (LIKE_RATE_LIMIT_*), counted in the store `src/server.ts` hands over. */
export { countCommentLikesIn } from './src/collections/Comments/endpoints/like'

/** Verification codes are limited per number, reader and address (PHONE_CODE_LIMIT_*), in the same store. */
export { countPhoneCodesIn } from './src/collections/Readers/endpoints/phone'

/** The collections this project defines; Payload adds its own to them as it builds the config. */
export const projectCollections = [Articles, Categories, Tags, Authors, Media, Comments, CorrectionRequests, Readers, Notifications, Avatars, ScreeningWords, Users, Webhooks, WebhookDeliveries, ApiClients, AuditLog]
const projectGlobals = [SiteSettings, ModerationSettings]

/** Baidu and IndexNow pushes of new articles (BAIDU_PUSH_TOKEN, INDEXNOW_KEY); a malformed setting stops the start. */
const searchEnginePushes = searchEnginePushesFrom(process.env)

const readReplicaUrls = (process.env.DATABASE_READ_REPLICA_URLS ?? '').split(',').map((url) => url.trim()).filter(Boolean)

export default buildConfig({
  serverURL,
  secret: process.env.PAYLOAD_SECRET ?? '',
  cors: allowedOrigins,
  csrf: allowedOrigins,
  admin: {
    user: Users.slug,
    importMap: { baseDir: path.resolve(PROJECT_ROOT, 'src') },
    meta: { titleSuffix: ' · Newsroom' },
    // Not Gravatar: no third-party request from the admin (it is unreachable from mainland China).
    avatar: 'default',
    // One pattern, read in each language's own way: 2026年12月7日 03:18, December 7th, 2026 03:18.
    dateFormat: ADMIN_DATE_FORMAT,
    // The newsroom works in Beijing time, wherever an editor's browser is: dates set with a time
    // zone (publication times, schedules) are entered and shown in it.
    timezones: { supportedTimezones: [NEWSROOM_TIMEZONE], defaultTimezone: NEWSROOM_TIMEZONE.value },
    components: {
      providers: ['/components/DatePickerLanguage#DatePickerLanguage'],
      // The landing view opens on what waits for the person: approvals for the editor-in-chief, changes for writers.
      beforeDashboard: ['/components/ReviewQueues#ReviewQueues'],
      // Moderators and admins see how many comments wait for them, linking to that queue.
      beforeNavLinks: ['/components/PendingCommentsLink#PendingCommentsLink'],
    },
  },
  i18n: {
    supportedLanguages: { zh, en },
    fallbackLanguage: 'zh',
  },
  collections: projectCollections.map(datesInAdminFormat).map(checkingCollectionWrites).map(keepingDeletedRecords).map(notingSaveKinds).map(explainingLocksInBulk).map(announcingCollectionChanges).map(auditingCollection).map(authAttempts.limitingCollection),
  globals: projectGlobals.map(datesInAdminFormat).map(checkingGlobalWrites).map(announcingGlobalChanges),
  editor: articleBodyEditor,
  email: emailAdapter({
    smtpUrl: process.env.SMTP_URL,
    mailDir: path.resolve(process.env.MAIL_DIR || path.join(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'), 'mail')),
    from: process.env.MAIL_FROM || 'no-reply@newsroom.local',
    fromName: process.env.MAIL_FROM_NAME || 'Newsroom',
  }),
  hooks: { afterError: [databaseErrorsAsBadRequests, malformedFormAsBadRequest, databaseOutageAsUnavailable, explainLockedDocument, recordFailedLogins] },
  // A find counts its matches exactly up to FIND_EXACT_COUNT_UP_TO, and has the planner estimate beyond it.
  db: boundingFindTotals(postgresAdapter({
    pool: {
      connectionString: process.env.DATABASE_URL,
      max: databasePoolSize(process.env.DATABASE_POOL_SIZE),
      connectionTimeoutMillis: 5_000,
    },
    push: false,
    // Reads spread over replicas when given; writes, and reads just after a write, stay on the primary.
    readReplicas: readReplicaUrls.length > 0 ? readReplicaUrls : undefined,
    migrationDir: path.resolve(PROJECT_ROOT, 'migrations'),
  }), exactCountUpToFrom(process.env)),
  sharp,
  upload: { limits: { fileSize: MEDIA_MAX_BYTES } },
  // Uploads in an S3-compatible bucket when S3_BUCKET is set (every instance then sees every file), on MEDIA_DIR otherwise.
  plugins: [objectStoragePlugin(objectStorageFrom(process.env))],
  endpoints: [correctionsLogEndpoint, searchEndpoint],
  graphQL: {
    queries: (GraphQL, context) => ({ ...correctionsLogQuery(GraphQL, context), ...searchQuery(GraphQL, context), ...hotArticlesQuery(GraphQL, context), ...articleReadOnQuery(GraphQL, context), ...channelListQuery(GraphQL, context) }),
    disablePlaygroundInProduction: true,
    maxComplexity: 1000,
    validationRules: ({ contextValue }) => {
      const language = languageOf((contextValue as { req: PayloadRequest }).req)
      return [maxDepthRule(Number(process.env.GRAPHQL_MAX_DEPTH || 12), language), maxFieldsRule(Number(process.env.GRAPHQL_MAX_FIELDS || 1000), language)]
    },
  },
  jobs: {
    access: { run: ({ req }) => isPublisherUser(req.user) },
    tasks: [
      deliverWebhookTask(deliverySettingsFrom(process.env), searchEnginePushes),
      purgeAuditLogTask(auditRetentionDaysFrom(process.env)),
      purgeDeletedRecordsTask(recordRetentionDaysFrom(process.env)),
    ],
    autoRun: [
      // Scheduled publishing: a publish or unpublish set for a time happens within seconds of it.
      { cron: '*/5 * * * * *', queue: 'default', limit: 20 },
      // Webhook deliveries (and their retries once their backoff has passed) go out within 2 seconds;
      // 20 a batch fell behind the fault test's two workers publishing without pause (several jobs each).
      { cron: '*/2 * * * * *', queue: WEBHOOKS_QUEUE, limit: 100 },
      // Those to receivers that last failed to answer in time: a batch of them lasts the time-out,
      // and holds up only this runner (each runner waits for its batch before the next).
      { cron: '*/2 * * * * *', queue: SLOW_WEBHOOKS_QUEUE, limit: 20 },
    ],
  },
  // Types are generated on purpose (`npm run generate:types`) and committed, never rewritten by a dev server.
  typescript: { outputFile: path.resolve(PROJECT_ROOT, 'src/payload-types.ts'), autoGenerate: false },
  // Read by the hook that queues pushes and by the server, which serves IndexNow's key file.
  custom: { [SEARCH_ENGINE_PUSHES]: searchEnginePushes },
  logger,
  telemetry: false,
})
  .then(governingPayloadsOwnCollections(
    projectCollections.map(({ slug }) => slug),
    projectGlobals.map(({ slug }) => slug),
  ))
  .then(checkingEveryCollectionsQueries)

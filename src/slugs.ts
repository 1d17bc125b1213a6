/**
 * Every collection, global and job-task slug, in one module that imports nothing: collection
 * configs, access functions, hooks, jobs and endpoints name each other through it, so none of them
 * imports another's config just for its name.
 */

// Content
export const ARTICLES_SLUG = 'articles'
export const AUTHORS_SLUG = 'authors'
export const CATEGORIES_SLUG = 'categories'
export const TAGS_SLUG = 'tags'
export const MEDIA_SLUG = 'media'

// Community
export const COMMENTS_SLUG = 'comments'
export const CORRECTION_REQUESTS_SLUG = 'correction-requests'
export const AVATARS_SLUG = 'avatars'
export const SCREENING_WORDS_SLUG = 'screening-words'
/** What a reader is told about their comments: replies to them, moderators' decisions on them. */
export const NOTIFICATIONS_SLUG = 'notifications'

// Accounts
/** The staff `users` collection is the only one whose logins carry roles; readers never do. */
export const USERS_SLUG = 'users'
/** Readers' own accounts: they comment and report errors, nothing more. */
export const READERS_SLUG = 'readers'
export const API_CLIENTS_SLUG = 'api-clients'

// Administration
export const AUDIT_LOG_SLUG = 'audit-log'
export const WEBHOOKS_SLUG = 'webhooks'
export const WEBHOOK_DELIVERIES_SLUG = 'webhook-deliveries'
/** Payload's own job queue collection: scheduled publishing and webhook deliveries are rows here. */
export const PAYLOAD_JOBS_SLUG = 'payload-jobs'

// Globals
export const SITE_SETTINGS_SLUG = 'site-settings'
export const MODERATION_SETTINGS_SLUG = 'moderation-settings'

// Job tasks
export const DELIVER_WEBHOOK_TASK = 'deliverWebhook'
export const PURGE_AUDIT_LOG_TASK = 'purgeAuditLog'
export const PURGE_DELETED_RECORDS_TASK = 'purgeDeletedRecords'
/** Payload's built-in task behind `schedulePublish` on a collection's versions. */
export const SCHEDULE_PUBLISH_TASK = 'schedulePublish'

import { retentionDaysFrom } from '../audit/retention'

/**
 * 互联网跟帖评论服务管理规定 (2022) asks a comment service to keep the records of comments and of
 * accounts for at least six months: a deleted comment or reader account stays (out of the public's
 * sight) for this many days after its deletion before it is purged.
 */
export const DEFAULT_RECORD_RETENTION_DAYS = 180

/** RECORD_RETENTION_DAYS: whole days a deleted comment or account is kept, 0 for ever. */
export const recordRetentionDaysFrom = (env: Record<string, string | undefined>): number =>
  retentionDaysFrom(env, 'RECORD_RETENTION_DAYS', DEFAULT_RECORD_RETENTION_DAYS)

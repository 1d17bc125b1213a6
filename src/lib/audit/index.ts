/**
 * The audit trail's pure part: what changed between two versions of a document (secrets and rich
 * text reduced to "changed"), what kind of change it was, its one-line summary, who acted, and how
 * long entries are kept. `src/hooks/everywhere/recordAuditTrail.ts` builds on it.
 */
export { type AuditValue, diffFields, type FieldChange } from './changes'
export {
  attemptedEmail,
  type AuditAction,
  type AuditActor,
  type AuditTarget,
  classifyArticleChange,
  describeActor,
  describeRoleChange,
  roleChange,
  summarise,
} from './entries'
export { auditRetentionDaysFrom, DEFAULT_AUDIT_RETENTION_DAYS, purgeCutoff, retentionDaysFrom } from './retention'

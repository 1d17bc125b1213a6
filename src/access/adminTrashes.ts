import type { Access } from 'payload'

import { isAdminUser } from './roleChecks'

/**
 * For a collection with a trash kept for the retention period: an admin moves a document to the
 * trash (Payload passes the `deletedAt` being set); nobody deletes one for good through the API,
 * which is the purge job's work once the period has passed (src/jobs/purgeDeletedRecords.ts).
 */
export const adminTrashes: Access = ({ req, data }) => isAdminUser(req.user) && data?.deletedAt != null

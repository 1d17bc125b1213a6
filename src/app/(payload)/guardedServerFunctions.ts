import { schedulePublishHandler, type SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { headers as requestHeaders } from 'next/headers.js'
import { docAccessOperation, docAccessOperationGlobal, Forbidden, getLocalI18n, getPayload, type ImportMap, type PayloadRequest, type SanitizedConfig, type ServerFunction } from 'payload'

import { isStaffUser } from '../../access/roleChecks'
import { languageOfHeaders, say } from '../../i18n/requestMessages'
import { PAYLOAD_JOBS_SLUG } from '../../slugs'


/** Whether the user may do `operation` on the jobs collection, as its access says. */
async function jobsAllow(req: PayloadRequest, operation: 'create' | 'delete'): Promise<boolean> {
  const access = req.payload.collections[PAYLOAD_JOBS_SLUG]?.config.access[operation]
  return Boolean(access && (await access({ req })))
}

/** Whether the user may publish the document (or global) a schedule names, as the admin's publish button asks. */
async function mayPublish(req: PayloadRequest, { doc, global }: Pick<SchedulePublishHandlerArgs, 'doc' | 'global'>): Promise<boolean> {
  const data = { _status: 'published' }
  if (doc) {
    const collection = req.payload.collections[doc.relationTo]
    return Boolean(collection && (await docAccessOperation({ id: doc.value, collection, data, req })).update)
  }
  const globalConfig = req.payload.config.globals.find(({ slug }) => slug === global)
  return Boolean(globalConfig && (await docAccessOperationGlobal({ data, globalConfig, req })).update)
}

/**
 * Payload's schedule-publish server function deletes the job it is given and queues new ones through
 * the Local API without access checks: here removing a scheduled publish needs the jobs collection's
 * delete access, and scheduling one its create access and the right to publish the document. A
 * refusal is answered as the function answers its own failures, `{ error }`, which the drawer shows.
 */
const schedulePublishWithAccess: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  const { req, deleteID, doc, global } = args
  const refused =
    (deleteID !== undefined && !(await jobsAllow(req, 'delete'))) ||
    (Boolean(doc || global) && !((await jobsAllow(req, 'create')) && (await mayPublish(req, { doc, global }))))
  return refused ? { error: say(req, { code: 'SCHEDULE_PUBLISHERS_ONLY' }) } : schedulePublishHandler(args)
}

/** Server functions that replace Payload's own of the same name. */
export const guardedServerFunctions: Record<string, ServerFunction<any, any>> = {
  'schedule-publish': schedulePublishWithAccess,
}

/**
 * The admin's server functions are for staff: a signed-in reader (whose login cookie the admin's
 * requests carry as well) is refused every one, including those that only ask for a login. Anyone
 * else is left to Payload's checks in each function.
 */
export async function refuseReaders(config: Promise<SanitizedConfig>, importMap: ImportMap): Promise<void> {
  // As Payload's own server functions get it, so whichever asks first sets it up the same way.
  const payload = await getPayload({ config, cron: true, importMap })
  const headers = await requestHeaders()
  const { user } = await payload.auth({ headers })
  if (!user || isStaffUser(user)) return
  const i18n = await getLocalI18n({ config: payload.config, language: languageOfHeaders(payload.config, Object.fromEntries(headers)) })
  throw new Forbidden(i18n.t)
}

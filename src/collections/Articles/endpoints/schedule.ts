import type { Endpoint, PayloadRequest } from 'payload'

import { isPublisherUser, isStaffUser } from '../../../access/roleChecks'
import { fieldRefusalBody, refusalBody } from '../../../i18n/requestMessages'
import { parseScheduleRequest, SCHEDULE_FIELD_LABELS } from '../../../lib/publishing/schedule'
import type { TaskSchedulePublish } from '../../../payload-types'
import { ARTICLES_SLUG, PAYLOAD_JOBS_SLUG, SCHEDULE_PUBLISH_TASK, USERS_SLUG } from '../../../slugs'

type TaskInput = TaskSchedulePublish['input']

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

async function findArticle(req: PayloadRequest) {
  const id = Number(req.routeParams?.id)
  if (!Number.isSafeInteger(id) || id <= 0) return null
  return req.payload.findByID({ collection: ARTICLES_SLUG, id, depth: 0, draft: true, disableErrors: true, overrideAccess: true, req })
}

async function upcoming(req: PayloadRequest, articleId: number) {
  const { docs } = await req.payload.find({
    collection: PAYLOAD_JOBS_SLUG,
    where: {
      and: [
        { taskSlug: { equals: SCHEDULE_PUBLISH_TASK } },
        { 'input.doc.value': { equals: String(articleId) } },
        { 'input.doc.relationTo': { equals: ARTICLES_SLUG } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    sort: 'waitUntil',
    limit: 50,
    overrideAccess: true,
    req,
  })
  return docs.map((job) => ({
    id: job.id,
    action: (job.input as { type?: string })?.type === 'unpublish' ? 'unpublish' : 'publish',
    at: job.waitUntil,
  }))
}

/**
 * Scheduled publishing over the API (the admin has its own schedule drawer for the same jobs):
 * `POST /api/articles/:id/schedule` with `{ action, at }` queues a publish or unpublish that the
 * job runner performs at that time as the user who scheduled it; `GET` lists what is pending.
 */
export const scheduleEndpoints: Endpoint[] = [
  {
    path: '/:id/schedule',
    method: 'post',
    handler: async (req) => {
      if (!isPublisherUser(req.user)) return json(403, refusalBody(req, { code: 'SCHEDULE_PUBLISHERS_ONLY' }))
      const article = await findArticle(req)
      if (!article) return json(404, refusalBody(req, { code: 'ARTICLE_NOT_FOUND' }))
      const parsed = parseScheduleRequest(await req.json?.().catch(() => null))
      if (!parsed.ok) return json(400, fieldRefusalBody(req, { path: parsed.path, label: SCHEDULE_FIELD_LABELS[parsed.path] }, parsed.message))
      // The id goes in as text, as the admin's schedule drawer stores it, so both find the same jobs.
      const input = {
        type: parsed.value.action,
        doc: { relationTo: ARTICLES_SLUG, value: String(article.id) },
        user: { relationTo: USERS_SLUG, value: req.user!.id },
      }
      const job = await req.payload.jobs.queue({
        task: SCHEDULE_PUBLISH_TASK,
        input: input as unknown as TaskInput,
        waitUntil: parsed.value.at,
        req,
      })
      return json(202, { id: job.id, action: parsed.value.action, at: parsed.value.at.toISOString() })
    },
  },
  {
    path: '/:id/schedule',
    method: 'get',
    handler: async (req) => {
      if (!isStaffUser(req.user)) return json(403, refusalBody(req, { code: 'STAFF_ONLY' }))
      const article = await findArticle(req)
      if (!article) return json(404, refusalBody(req, { code: 'ARTICLE_NOT_FOUND' }))
      return json(200, { docs: await upcoming(req, article.id) })
    },
  },
]

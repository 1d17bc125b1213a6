import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'

import type { SiteSetting } from '../payload-types'
import { inTransaction } from '../db/inTransaction'
import { DEMO_ARTICLES } from './articles'
import { createCommunity } from './community'
import { createCorrections } from './corrections'
import { DEMO_IMAGES, renderPng, type ImageKey } from './images'
import { DEMO_ADMIN, DEMO_STAFF, type StaffKey } from './staff'
import { DEMO_AUTHORS, DEMO_CHANNELS, DEMO_TAGS, type AuthorKey, type ChannelKey, type TagName } from './taxonomy'
import { ARTICLES_SLUG, AUTHORS_SLUG, CATEGORIES_SLUG, MEDIA_SLUG, SITE_SETTINGS_SLUG, TAGS_SLUG, USERS_SLUG } from '../slugs'

export { DEMO_ADMIN, DEMO_PASSWORD, DEMO_STAFF, type DemoStaffMember, type StaffKey } from './staff'

/**
 * Footer of the demo portal. The company and every number are made up, but each number has a valid
 * format (the 公安备案 digits start with Hubei's division code 42, matching 鄂), so the footer renders
 * the way a real one would.
 */
export const DEMO_SITE_SETTINGS = {
  siteName: '财经观察网',
  copyrightHolder: '武汉财观文化传媒有限公司',
  copyrightStartYear: 2000,
  copyrightEndYear: null,
  icpNumber: '鄂ICP备18052736号-1',
  publicSecurityNumber: '鄂公网安备 42010602000917号',
  newsLicenceNumber: '42120180025',
  newsLicenceHolder: '武汉财观文化传媒有限公司',
  newsLicenceCategory: '互联网新闻信息转载服务',
  contactEmail: 'contact@newsroom.demo',
} satisfies Partial<SiteSetting>

type Ids<K extends string> = Record<K, number>

/**
 * Fills an empty demo database with a small, complete portal: staff for every role, channels, tags,
 * bylines, images, articles (published and draft) and the footer settings. Any existing user or
 * article means someone has been here already, and nothing is touched.
 */
export async function seedDemoContent(payload: Payload): Promise<void> {
  const [users, articles] = await Promise.all([
    payload.count({ collection: USERS_SLUG }),
    payload.count({ collection: ARTICLES_SLUG }),
  ])
  if (users.totalDocs > 0 || articles.totalDocs > 0) {
    payload.logger.info({ users: users.totalDocs, articles: articles.totalDocs }, 'demo content: database not empty, nothing seeded')
    return
  }

  const started = Date.now()
  // One transaction: a seed that fails half-way leaves an empty database, so the next start retries
  // instead of skipping over a half-filled one. (Image files already written stay on disk.)
  // Not audited: the demo's made-up content is nobody's action, and a hundred "system created"
  // entries would only bury the first real ones.
  const req = await createLocalReq({ context: { skipAudit: true } }, payload)
  await inTransaction(req, () => seed(payload, req))
  payload.logger.info(
    {
      ms: Date.now() - started,
      staff: DEMO_STAFF.length + 1,
      channels: DEMO_CHANNELS.length,
      tags: DEMO_TAGS.length,
      authors: DEMO_AUTHORS.length,
      images: Object.keys(DEMO_IMAGES).length,
      articles: DEMO_ARTICLES.length,
      admin: DEMO_ADMIN.email,
    },
    'demo content seeded',
  )
}

async function seed(payload: Payload, req: PayloadRequest): Promise<void> {
  const { staff, userByEmail } = await createStaff(payload, req)
  const channels = await createChannels(payload, req)
  const tags = await createTags(payload, req)
  const images = await createImages(payload, req)
  const authors = await createAuthors(payload, req, userByEmail)
  const articleIds = await createArticles(payload, req, { staff, channels, tags, images, authors })
  const publishedIds = articleIds.filter((_, index) => DEMO_ARTICLES[index].status === 'published')
  await createCommunity(payload, req, publishedIds)
  await createCorrections(payload, req, publishedIds, staff.editorA)
  await payload.updateGlobal({ slug: SITE_SETTINGS_SLUG, data: DEMO_SITE_SETTINGS, req })
}

async function createStaff(
  payload: Payload,
  req: PayloadRequest,
): Promise<{ staff: Ids<StaffKey>; userByEmail: Map<string, number> }> {
  await payload.create({
    collection: USERS_SLUG,
    data: { name: '管理员', email: DEMO_ADMIN.email, password: DEMO_ADMIN.password, roles: ['admin'] },
    req,
  })
  const staff = {} as Ids<StaffKey>
  const userByEmail = new Map<string, number>()
  for (const member of DEMO_STAFF) {
    const user = await payload.create({
      collection: USERS_SLUG,
      data: { name: member.name, email: member.email, password: member.password, roles: member.roles },
      req,
    })
    staff[member.key] = user.id
    userByEmail.set(member.email, user.id)
  }
  return { staff, userByEmail }
}

async function createChannels(payload: Payload, req: PayloadRequest): Promise<Ids<ChannelKey>> {
  const ids = {} as Ids<ChannelKey>
  for (const channel of DEMO_CHANNELS) {
    const created = await payload.create({
      collection: CATEGORIES_SLUG,
      data: { name: channel.name, parent: channel.parent ? ids[channel.parent] : null },
      req,
    })
    ids[channel.key] = created.id
  }
  return ids
}

async function createTags(payload: Payload, req: PayloadRequest): Promise<Ids<TagName>> {
  const ids = {} as Ids<TagName>
  for (const name of DEMO_TAGS) {
    ids[name] = (await payload.create({ collection: TAGS_SLUG, data: { name }, req })).id
  }
  return ids
}

async function createImages(payload: Payload, req: PayloadRequest): Promise<Ids<ImageKey>> {
  const ids = {} as Ids<ImageKey>
  for (const [key, image] of Object.entries(DEMO_IMAGES) as [ImageKey, (typeof DEMO_IMAGES)[ImageKey]][]) {
    const data = await renderPng(image.svg())
    const media = await payload.create({
      collection: MEDIA_SLUG,
      data: { alt: image.alt, caption: image.caption, credit: image.credit },
      file: { data, mimetype: 'image/png', name: image.filename, size: data.length },
      req,
    })
    ids[key] = media.id
  }
  return ids
}

async function createAuthors(payload: Payload, req: PayloadRequest, userByEmail: Map<string, number>): Promise<Ids<AuthorKey>> {
  const ids = {} as Ids<AuthorKey>
  for (const author of DEMO_AUTHORS) {
    const created = await payload.create({
      collection: AUTHORS_SLUG,
      data: {
        name: author.name,
        title: author.title,
        bio: author.bio,
        user: author.staffEmail ? userByEmail.get(author.staffEmail) : undefined,
      },
      req,
    })
    ids[author.key] = created.id
  }
  return ids
}

async function createArticles(
  payload: Payload,
  req: PayloadRequest,
  refs: {
    staff: Ids<StaffKey>
    channels: Ids<ChannelKey>
    tags: Ids<TagName>
    images: Ids<ImageKey>
    authors: Ids<AuthorKey>
  },
): Promise<number[]> {
  const ids: number[] = []
  for (const article of DEMO_ARTICLES) {
    const created = await payload.create({
      collection: ARTICLES_SLUG,
      draft: article.status === 'draft',
      data: {
        title: article.title,
        summary: article.summary,
        source: article.source,
        authors: article.authors.map((key) => refs.authors[key]),
        responsibleEditor: refs.staff[article.responsibleEditor],
        category: refs.channels[article.category],
        tags: article.tags.map((name) => refs.tags[name]),
        coverImage: refs.images[article.cover],
        body: article.body((key) => refs.images[key]),
        allowComments: true,
        publishedAt: article.publishedAt ?? null,
        // Set here because the Local API has no logged-in user for the creator hook to record.
        createdBy: refs.staff[article.createdBy],
        _status: article.status,
      },
      req,
    })
    ids.push(created.id)
  }
  return ids
}

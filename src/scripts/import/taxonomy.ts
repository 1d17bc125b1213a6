import type { Where } from 'payload'

import { AUTHORS_SLUG, CATEGORIES_SLUG, TAGS_SLUG } from '../../slugs'
import { asSystem, type ImportContext, PLANNED_ID } from './context'

type TaxonomySlug = typeof AUTHORS_SLUG | typeof CATEGORIES_SLUG | typeof TAGS_SLUG

/**
 * Bylines, channels and tags by name, created when missing (in a dry run only noted). Each name is
 * looked up once a run: an archive repeats the same few hundred over thousands of articles.
 */
export function taxonomyResolver(context: ImportContext) {
  const known = new Map<string, Promise<number>>()

  const findOrCreate = (slug: TaxonomySlug, key: string, where: Where, data: { name: string; parent?: number }, label: string) => {
    const cacheKey = `${slug}\u0000${key}`
    let id = known.get(cacheKey)
    if (!id) {
      id = lookUpOrCreate(context, slug, where, data, label)
      known.set(cacheKey, id)
    }
    return id
  }

  const authorId = (name: string) => findOrCreate(AUTHORS_SLUG, name, { name: { equals: name } }, { name }, name)
  const tagId = (name: string) => findOrCreate(TAGS_SLUG, name, { name: { equals: name } }, { name }, name)

  /** The channel at the end of the path, each level under the one before. */
  const categoryId = async (path: string[]): Promise<number> => {
    let parent: number | undefined
    for (let depth = 0; depth < path.length; depth++) {
      const name = path[depth]
      const where: Where = { and: [{ name: { equals: name } }, parent === undefined ? { parent: { exists: false } } : { parent: { equals: parent } }] }
      parent = await findOrCreate(CATEGORIES_SLUG, path.slice(0, depth + 1).join('\u0000'), where, { name, ...(parent === undefined ? {} : { parent }) }, path.slice(0, depth + 1).join(' > '))
    }
    if (parent === undefined) throw new Error('an empty channel path')
    return parent
  }

  return {
    authorIds: (names: string[]) => Promise.all(names.map(authorId)),
    tagIds: (names: string[]) => Promise.all(names.map(tagId)),
    categoryId,
  }
}

async function lookUpOrCreate(context: ImportContext, slug: TaxonomySlug, where: Where, data: { name: string; parent?: number }, label: string): Promise<number> {
  const { docs } = await context.payload.find({ collection: slug, where, limit: 1, pagination: false, ...asSystem(context) })
  if (docs[0]) return docs[0].id
  context.report.created[slug].push(label)
  if (context.dryRun) return PLANNED_ID
  const created = await context.payload.create({ collection: slug, data, ...asSystem(context) })
  return created.id
}

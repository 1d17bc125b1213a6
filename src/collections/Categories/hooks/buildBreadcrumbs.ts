import type { CollectionBeforeChangeHook } from 'payload'

import { fieldRefusal } from '../../../i18n/requestMessages'
import type { Category } from '../../../payload-types'
import { channelTitle, MAX_CATEGORY_DEPTH, PARENT_CHANNEL_LABEL, pathFromRoot } from '../../../lib/categories/tree'
import { relationId } from '../../../lib/api/fieldShapes'
import { CATEGORIES_SLUG } from '../../../slugs'

type Crumb = NonNullable<Category['breadcrumbs']>[number]

/** Stores the path from the root, and the title it makes, on every save, refusing a parent that would make a cycle. */
export const buildBreadcrumbs: CollectionBeforeChangeHook<Category> = async ({ data, originalDoc, req }) => {
  const parentId = relationId(data.parent !== undefined ? data.parent : originalDoc?.parent)
  const ancestors = parentId === null ? [] : await loadAncestors(parentId, req)
  const path = pathFromRoot(originalDoc?.id ?? null, parentId, ancestors)
  if (!path.ok) throw fieldRefusal(req, CATEGORIES_SLUG, { path: 'parent', label: PARENT_CHANNEL_LABEL }, path.message)
  const self: Crumb = { name: data.name ?? originalDoc?.name, slug: data.slug ?? originalDoc?.slug }
  data.breadcrumbs = [...path.ancestors.map(({ name, slug }) => ({ name, slug })), self]
  data.title = channelTitle(data.breadcrumbs.map(({ name }) => name ?? ''))
  return data
}

/** Walks up from `startId`, one lookup per level; the tree is shallow and this runs on writes only. */
async function loadAncestors(startId: number, req: Parameters<CollectionBeforeChangeHook>[0]['req']) {
  const found: { id: number; name: string; slug: string; parent: number | null }[] = []
  let nextId: number | null = startId
  while (nextId !== null && found.length <= MAX_CATEGORY_DEPTH) {
    const category: Category | null = await req.payload.findByID({
      collection: CATEGORIES_SLUG,
      id: nextId,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })
    if (!category) break
    found.push({ id: category.id, name: category.name, slug: category.slug ?? '', parent: relationId(category.parent) })
    nextId = relationId(category.parent)
    if (found.some((c) => c.id === nextId)) break
  }
  return found
}

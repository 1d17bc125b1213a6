import type { CollectionAfterChangeHook } from 'payload'

import type { Category } from '../../../payload-types'
import { CATEGORIES_SLUG } from '../../../slugs'

/**
 * A renamed or moved channel changes the breadcrumbs of everything below it: re-save the direct
 * children, whose own hook then carries the change one level further down.
 */
export const refreshDescendantBreadcrumbs: CollectionAfterChangeHook<Category> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update') return doc
  const unchanged =
    doc.name === previousDoc?.name &&
    doc.slug === previousDoc?.slug &&
    JSON.stringify(doc.breadcrumbs) === JSON.stringify(previousDoc?.breadcrumbs)
  if (unchanged) return doc
  const { docs: children } = await req.payload.find({
    collection: CATEGORIES_SLUG,
    where: { parent: { equals: doc.id } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const child of children) {
    await req.payload.update({ collection: CATEGORIES_SLUG, id: child.id, data: {}, overrideAccess: true, req })
  }
  return doc
}

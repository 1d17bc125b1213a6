import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../payload-types'
import { USERS_SLUG } from '../../../slugs'

/**
 * Readers see the 责任编辑's name but may not read staff accounts, so the name is stored beside the
 * relation at write time (and kept current by the users' rename hook).
 */
export const copyResponsibleEditorName: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  const editor = data.responsibleEditor !== undefined ? data.responsibleEditor : originalDoc?.responsibleEditor
  if (editor === null || editor === undefined) {
    data.responsibleEditorName = null
    return data
  }
  if (typeof editor === 'object') {
    data.responsibleEditorName = editor.name
    return data
  }
  const user = await req.payload.findByID({
    collection: USERS_SLUG,
    id: editor,
    depth: 0,
    select: { name: true },
    disableErrors: true,
    overrideAccess: true,
    req,
  })
  data.responsibleEditorName = user?.name ?? null
  return data
}

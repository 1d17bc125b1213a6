'use client'

import {
  FormSubmit,
  LeaveWithoutSaving,
  useConfig,
  useDocumentInfo,
  useEditDepth,
  useForm,
  useLocale,
  useTranslation,
} from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback } from 'react'

/**
 * 保存草稿 beside autosave, in the article's edit view. Autosave keeps the text safe within seconds,
 * but a newsroom also saves on purpose: a click saves the draft now, as a version of its own in the
 * history, whether or not autosave has already taken the last change, and the server's answer
 * (草稿成功保存) confirms it. Ctrl/⌘+S stays Payload's own draft save, in its publish button.
 *
 * Payload shows no leave-without-saving warning where autosave is on. Between a change and the
 * autosave that takes it (or while it is under way) the form counts as modified, and leaving then
 * asks first, in the admin and from the browser; once it is saved, nothing asks.
 */
export function SaveDraftButton() {
  const { config } = useConfig()
  const { id, collectionSlug, setMostRecentVersionIsAutosaved, setUnpublishedVersionCount } = useDocumentInfo()
  const { code: locale } = useLocale()
  const { t } = useTranslation()
  const { submit } = useForm()
  const editDepth = useEditDepth()

  const saveDraft = useCallback(async () => {
    const result = await submit({
      action: formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${id}?locale=${locale}&depth=0&fallback-locale=null&draft=true` }),
      method: 'PATCH',
      overrides: { _status: 'draft' },
      skipValidation: true,
    })
    if (!result?.res.ok) return
    // There is a draft newer than what is live (publishing is offered), and the next autosave
    // starts a version of its own instead of overwriting this one.
    setUnpublishedVersionCount((count) => count + 1)
    setMostRecentVersionIsAutosaved(false)
  }, [submit, config.routes.api, collectionSlug, id, locale, setMostRecentVersionIsAutosaved, setUnpublishedVersionCount])

  // A new article is saved (and given its id) by autosave as soon as it is opened.
  if (!id) return null
  return (
    <>
      <FormSubmit buttonId="action-save-draft" buttonStyle="secondary" className="save-draft" onClick={() => void saveDraft()} size="medium" type="button">
        {t('version:saveDraft')}
      </FormSubmit>
      {/* Only the page's own document: one opened in a drawer is left as the drawer handles it. */}
      {editDepth === 1 && <LeaveWithoutSaving />}
    </>
  )
}

import type { Payload, PayloadRequest } from 'payload'

import type { ImportReport } from '../../lib/import/report'

/** What every step of one import run shares. */
export type ImportContext = {
  payload: Payload
  /** Look everything up, write nothing. */
  dryRun: boolean
  /** Names the archive's origin in `importedFrom.system`, so ids from two systems never meet. */
  system: string
  /** Local image paths are read inside this folder: the archive's own. */
  archiveDir: string
  report: ImportReport
  /** Payload's translations in the operator's language (their locale's). */
  i18n: PayloadRequest['i18n']
}

/** Stands in a dry run for a document that would have been created: no real id is 0. */
export const PLANNED_ID = 0

/**
 * The Local API as a system process: no user, every access rule passed, hooks (and the audit) run,
 * and what Payload and the hooks refuse said in the operator's language. The request is new each
 * time: Payload fills in the one it is given.
 */
export const asSystem = (context: Pick<ImportContext, 'i18n'>) => ({ overrideAccess: true, depth: 0, req: { i18n: context.i18n } }) as const

import path from 'node:path'

import { PROJECT_ROOT } from '../runtime/projectRoot'

/** Where uploads live: `media/` at the top of the repo unless MEDIA_DIR says otherwise (tests give each server its own). */
export function mediaDirectory(): string {
  return path.resolve(process.env.MEDIA_DIR || path.join(PROJECT_ROOT, 'media'))
}

import { randomUUID } from 'node:crypto'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { SmsSender } from './provider'

/**
 * No provider: one JSON file per message in the folder (SMS_DIR, default .data/sms), as emails go
 * to the mail folder without SMTP, so a demo or a test reads the code there. The folder holds the
 * numbers in clear: it is for demos and tests, not a production server.
 */
export function fileSms(dir: string): SmsSender {
  return {
    name: 'file',
    send: async (message) => {
      await mkdir(dir, { recursive: true })
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.json`)
      // Written aside and renamed into place, so whoever reads the folder never finds half a message.
      await writeFile(`${file}.partial`, JSON.stringify(message, null, 2))
      await rename(`${file}.partial`, file)
    },
  }
}

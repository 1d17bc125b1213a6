import type { Payload } from 'payload'

import { countOutdatedSearchRows, reindexOutdatedSearchRows } from '../db/articleSearch'
import type { logger as Logger } from '../lib/runtime/logger'
import { announceContentChange } from '../lib/responseCache/changes'
import { ARTICLES_SLUG } from '../slugs'

/** Instances of an earlier release may still write rows the old way during a rolling upgrade. */
const CHECK_AGAIN_MS = 10 * 60_000
const LOG_PROGRESS_EVERY = 1_000

/**
 * Re-indexes the search rows cut an earlier way (after an upgrade that changed the cutting) while the
 * server serves, a batch at a time, and looks again every ten minutes. Cached searches are
 * forgotten after each batch, as they may now find more. Returns a stop that waits for the batch
 * under way.
 */
export function reindexOutdatedSearchRowsInBackground(payload: Payload, log: typeof Logger): () => Promise<void> {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const pass = async () => {
    try {
      const outdated = await countOutdatedSearchRows(payload)
      if (outdated === 0) return
      log.info({ outdated }, 'search: re-indexing the articles indexed by an earlier release, in the background')
      const started = Date.now()
      let done = 0
      while (!stopped) {
        const batch = await reindexOutdatedSearchRows(payload)
        if (batch === 0) break
        done += batch
        await announceContentChange({ tags: [ARTICLES_SLUG] })
        if (done % LOG_PROGRESS_EVERY < batch) log.info({ done, outdated }, 'search: re-indexing')
      }
      log.info({ done, ms: Date.now() - started }, stopped ? 'search: re-indexing stopped' : 'search: re-indexed')
    } catch (error) {
      log.error({ err: error }, 'search: re-indexing failed; trying again in ten minutes')
    }
  }
  let running = pass()
  const checkAgainLater = () => {
    if (stopped) return
    timer = setTimeout(() => {
      running = pass().then(checkAgainLater)
    }, CHECK_AGAIN_MS)
    timer.unref()
  }
  void running.then(checkAgainLater)
  return async () => {
    stopped = true
    clearTimeout(timer)
    await running
  }
}

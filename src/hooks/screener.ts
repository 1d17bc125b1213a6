import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'

import { buildScreener, type Screener, type WordListEntry } from '../lib/screening'

/**
 * The screener built from the word lists, shared by everything that screens text. Rebuilt after a
 * list entry changes here, and at least every minute, so other server instances pick changes up.
 */
const MAX_AGE_MS = 60_000

let cached: { screener: Screener; builtAt: number } | null = null
let building: Promise<Screener> | null = null

export async function currentScreener(payload: Payload): Promise<Screener> {
  if (cached && Date.now() - cached.builtAt < MAX_AGE_MS) return cached.screener
  building ??= loadScreener(payload).finally(() => (building = null))
  return building
}

async function loadScreener(payload: Payload): Promise<Screener> {
  const { docs } = await payload.find({
    collection: 'screening-words',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { phrase: true, action: true, note: true },
  })
  const entries: WordListEntry[] = []
  const allowList: string[] = []
  for (const doc of docs) {
    if (doc.action === 'allow') allowList.push(doc.phrase)
    else entries.push({ phrase: doc.phrase, action: doc.action, note: doc.note })
  }
  const screener = buildScreener(entries, allowList)
  cached = { screener, builtAt: Date.now() }
  return screener
}

export const forgetScreener: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({ doc }) => {
  cached = null
  return doc
}

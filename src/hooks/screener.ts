import type { Payload } from 'payload'

import { buildScreener, type Screener, type WordListEntry } from '../lib/screening'

/**
 * The screener built from the word lists, shared by everything that screens text. Each use first
 * reads the lists' fingerprint (how many entries, and when the latest changed), so a word added or
 * removed through any server instance applies to the next text screened on every one; the lists
 * themselves are read and built again only when the fingerprint moves.
 */
let cached: { screener: Screener; fingerprint: string } | null = null
let building: { screener: Promise<Screener>; fingerprint: string } | null = null

export async function currentScreener(payload: Payload): Promise<Screener> {
  const fingerprint = await wordListFingerprint(payload)
  if (cached?.fingerprint === fingerprint) return cached.screener
  if (building?.fingerprint !== fingerprint) {
    const screener = loadScreener(payload)
    const attempt = { screener, fingerprint }
    building = attempt
    screener.then(
      (built) => (cached = { screener: built, fingerprint }),
      () => undefined,
    ).finally(() => {
      if (building === attempt) building = null
    })
  }
  return building.screener
}

async function wordListFingerprint(payload: Payload): Promise<string> {
  const { docs, totalDocs } = await payload.find({
    collection: 'screening-words',
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { updatedAt: true },
  })
  return `${totalDocs} ${docs[0]?.updatedAt ?? ''}`
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
  return buildScreener(entries, allowList)
}

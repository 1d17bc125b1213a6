import type { PayloadRequest } from 'payload'

import { buildScreener, type Screener, type WordListEntry } from '../lib/screening'
import { SCREENING_WORDS_SLUG } from '../slugs'

/**
 * The screener built from the word lists, shared by everything that screens text. Each use first
 * reads the lists' fingerprint (how many entries, and when the latest changed), so a word added or
 * removed through any server instance applies to the next text screened on every one; the lists
 * themselves are read and built again only when the fingerprint moves. Both reads go through the
 * request's own transaction: one that waited for a second connection could wait on a pool whose
 * connections are all held by requests doing the same.
 */
let cached: { screener: Screener; fingerprint: string } | null = null

export async function currentScreener(req: PayloadRequest): Promise<Screener> {
  const fingerprint = await wordListFingerprint(req)
  if (cached?.fingerprint === fingerprint) return cached.screener
  // Read after the fingerprint: a change in between makes the next use build again, never miss it.
  const screener = await loadScreener(req)
  cached = { screener, fingerprint }
  return screener
}

async function wordListFingerprint(req: PayloadRequest): Promise<string> {
  const { docs, totalDocs } = await req.payload.find({
    collection: SCREENING_WORDS_SLUG,
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { updatedAt: true },
    req,
  })
  return `${totalDocs} ${docs[0]?.updatedAt ?? ''}`
}

async function loadScreener(req: PayloadRequest): Promise<Screener> {
  const { docs } = await req.payload.find({
    collection: SCREENING_WORDS_SLUG,
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { phrase: true, action: true, note: true },
    req,
  })
  const entries: WordListEntry[] = []
  const allowList: string[] = []
  for (const doc of docs) {
    if (doc.action === 'allow') allowList.push(doc.phrase)
    else entries.push({ phrase: doc.phrase, action: doc.action, note: doc.note })
  }
  return buildScreener(entries, allowList)
}

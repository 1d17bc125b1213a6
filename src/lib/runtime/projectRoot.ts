import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_NAME = 'newsroom'

/**
 * The repository's top folder, found from wherever this code runs: its TypeScript source, the
 * bundled server in dist/, or Next's build of the admin under .next/ (which has a package.json of
 * its own, hence the name check).
 */
export function findProjectRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }
      if (manifest.name === PACKAGE_NAME) return dir
    } catch {
      // no readable package.json here: keep climbing
    }
    if (dir === path.dirname(dir)) throw new Error(`no ${PACKAGE_NAME} package.json above ${from}`)
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)))

import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Everything the admin build is made from: when any of it changes, the build is stale. */
const BUILD_INPUTS = ['src', 'payload.config.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']
const STAMP = path.join(process.env.NEXT_DIST_DIR || '.next', 'newsroom-build-inputs')

/**
 * `npm start` builds the admin (Next.js) when there is no build, or when the sources changed since
 * the last one (after a `git pull`, say), so the admin never runs against another schema.
 */
export async function buildAdminIfStale(rootDir: string, log: (message: string) => void): Promise<void> {
  const fingerprint = await fingerprintOf(rootDir)
  const built = await readFile(path.join(rootDir, STAMP), 'utf8').catch(() => null)
  if (built === fingerprint) return
  log(built === null ? 'no admin build found: running `next build` (a minute or two)' : 'the sources changed since the admin was built: rebuilding it')
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(rootDir, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: rootDir,
      env: process.env,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))))
    child.on('error', reject)
  })
  // Taken again: the first `next build` of a clone may adjust tsconfig.json.
  await writeFile(path.join(rootDir, STAMP), await fingerprintOf(rootDir))
}

/** Paths, sizes and modification times of the build inputs: cheap, and changes whenever a file does. */
async function fingerprintOf(rootDir: string): Promise<string> {
  const hash = createHash('sha256')
  for (const input of BUILD_INPUTS) {
    for (const file of await filesUnder(path.join(rootDir, input))) {
      const { size, mtimeMs } = await stat(file)
      hash.update(`${path.relative(rootDir, file)}:${size}:${mtimeMs}\n`)
    }
  }
  return hash.digest('hex')
}

async function filesUnder(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => null)
  if (!info) return []
  if (!info.isDirectory()) return [target]
  const entries = await readdir(target, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name))
    .sort()
}

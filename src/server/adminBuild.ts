import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** Everything the admin build is made from: when any of it changes, the build is stale. */
const BUILD_INPUTS = ['src', 'payload.config.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next'
const STAMP = path.join(DIST_DIR, 'newsroom-build-inputs')
/** Beside the build, not in it: `next build` empties its own directory. */
const LOCK = `${DIST_DIR}.build-lock`
/** A holder on another host cannot be asked whether it still runs; after this long it is presumed gone. */
const FOREIGN_LOCK_MS = 15 * 60_000

/**
 * `npm start` builds the admin (Next.js) when there is no build, or when the sources changed since
 * the last one (after a `git pull`, say), so the admin never runs against another schema.
 */
export async function buildAdminIfStale(rootDir: string, log: (message: string) => void): Promise<void> {
  if ((await builtFrom(rootDir)) === (await fingerprintOf(rootDir))) return
  // Instances started together on one checkout build once: the others wait, then find it built.
  await holdingLock(path.join(rootDir, LOCK), log, async () => {
    const built = await builtFrom(rootDir)
    if (built === (await fingerprintOf(rootDir))) return
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
  })
}

const builtFrom = (rootDir: string) => readFile(path.join(rootDir, STAMP), 'utf8').catch(() => null)

type LockHolder = { pid: number; host: string }

/** Runs `work` while holding a directory lock; a lock left by a process that died is taken over. */
async function holdingLock(lockDir: string, log: (message: string) => void, work: () => Promise<void>): Promise<void> {
  const holderFile = path.join(lockDir, 'holder.json')
  let told = false
  for (;;) {
    try {
      await mkdir(lockDir)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    if (await isAbandoned(lockDir, holderFile)) {
      await rm(lockDir, { recursive: true, force: true })
      continue
    }
    if (!told) log('another process is building the admin: waiting for it')
    told = true
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  try {
    await writeFile(holderFile, JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies LockHolder))
    await work()
  } finally {
    await rm(lockDir, { recursive: true, force: true })
  }
}

async function isAbandoned(lockDir: string, holderFile: string): Promise<boolean> {
  const holder = await readFile(holderFile, 'utf8').then((text) => JSON.parse(text) as LockHolder, () => null)
  const since = await stat(lockDir).then((info) => info.mtimeMs, () => null)
  if (since === null) return false // released meanwhile: the next mkdir decides
  // Between the holder's mkdir and its first write, the directory is young and empty.
  if (!holder) return Date.now() - since > 60_000
  if (holder.host !== os.hostname()) return Date.now() - since > FOREIGN_LOCK_MS
  try {
    process.kill(holder.pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
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

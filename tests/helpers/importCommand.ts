import { spawn } from 'node:child_process'
import path from 'node:path'

import { ROOT_DIR } from './server'

export type Run = { code: number | null; stdout: string; stderr: string }

/** Where the import writes: a database and a media folder (a test server's, or a bare database's). */
export type ImportTarget = { databaseUrl: string; mediaDir: string }

/** A Node.js script of this repository, run as an operator runs it (without jest's Node options). */
export function runNode(args: string[], env: Record<string, string> = {}): Promise<Run> & { kill: () => void } {
  let kill = () => {}
  const run = new Promise<Run>((resolve) => {
    let stdout = ''
    let stderr = ''
    const child = spawn(process.execPath, args, { cwd: ROOT_DIR, env: { ...process.env, NODE_OPTIONS: '', ...env } })
    kill = () => child.kill('SIGKILL')
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
  return Object.assign(run, { kill: () => kill() })
}

/**
 * `npm run import` as an operator runs it, into the target's database and media folder, by default
 * in an English locale (what it says follows LANG).
 */
export function runImportCommand(target: ImportTarget, args: string[], env: Record<string, string> = {}) {
  return runNode([path.join(ROOT_DIR, 'dist/import.mjs'), ...args], {
    LANG: 'C.UTF-8',
    LC_ALL: '',
    LC_MESSAGES: '',
    DATABASE_URL: target.databaseUrl,
    PAYLOAD_SECRET: 'import-test-secret-0123456789abcdef0123456789',
    MEDIA_DIR: target.mediaDir,
    ...env,
  })
}

/** The summary's counts line. */
export function importCounts(run: Run): Record<'created' | 'updated' | 'skipped' | 'failed', number> {
  const match = /articles: (\d+) created, (\d+) updated, (\d+) skipped, (\d+) failed/.exec(run.stdout)
  if (!match) throw new Error(`no summary in the output:\n${run.stdout}\n${run.stderr}`)
  const [created, updated, skipped, failed] = match.slice(1).map(Number)
  return { created, updated, skipped, failed }
}

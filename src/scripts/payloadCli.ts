import { spawn } from 'node:child_process'
import path from 'node:path'

import { PROJECT_ROOT } from '../lib/projectRoot'
import { startEmbeddedPostgres } from '../server/embeddedPostgres'
import { resolvePayloadSecret } from '../server/secret'

/**
 * `npm run payload -- <command>`: Payload's CLI (migrate, migrate:create, migrate:status,
 * generate:types…) on the same database the server uses: DATABASE_URL, or else the embedded one
 * under .data/, started for the command and stopped after it. The CLI reads the bundled config
 * (dist/payload.config.mjs), built just before by `npm run bundle`.
 */
const dataDir = path.resolve(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'))

async function main(): Promise<number> {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(path.join(dataDir, 'postgres'), console.warn)
  try {
    const env = {
      ...process.env,
      PAYLOAD_CONFIG_PATH: path.join(PROJECT_ROOT, 'dist', 'payload.config.mjs'),
      DATABASE_URL: process.env.DATABASE_URL ?? embedded!.url,
      PAYLOAD_SECRET: await resolvePayloadSecret({
        given: process.env.PAYLOAD_SECRET,
        demo: embedded !== null,
        production: process.env.NODE_ENV === 'production',
        dataDir,
      }),
    }
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/payload/bin.js'), ...process.argv.slice(2)], {
      cwd: PROJECT_ROOT,
      env,
      stdio: 'inherit',
    })
    return await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)))
  } finally {
    await embedded?.stop()
  }
}

process.exit(await main())

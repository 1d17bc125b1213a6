import { spawn } from 'node:child_process'
import path from 'node:path'

import { PROJECT_ROOT } from '../lib/runtime/projectRoot'
import { useProjectDatabase } from './projectDatabase'

/**
 * `npm run payload -- <command>`: Payload's CLI (migrate, migrate:create, migrate:status,
 * generate:types…) on the same database the server uses. The CLI reads the bundled config
 * (dist/payload.config.mjs), built just before by `npm run bundle`.
 */
async function main(): Promise<number> {
  const database = await useProjectDatabase()
  try {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/payload/bin.js'), ...process.argv.slice(2)], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PAYLOAD_CONFIG_PATH: path.join(PROJECT_ROOT, 'dist', 'payload.config.mjs') },
      stdio: 'inherit',
    })
    return await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)))
  } finally {
    await database.stop()
  }
}

process.exit(await main())

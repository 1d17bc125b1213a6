import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { ConfigurationError } from '../lib/runtime/configurationError'

const MIN_SECRET_LENGTH = 32
const WEAK_SECRETS = new Set(['secret', 'changeme', 'change-me', 'password', 'payload', 'newsroom', 'test', 'your-secret-here'])

/**
 * The secret signs every login token. A production server must bring a strong one; a demo on the
 * embedded database (or a development run) gets a random one, made once and kept so logins survive
 * restarts.
 */
export async function resolvePayloadSecret(args: {
  given?: string
  demo: boolean
  production: boolean
  dataDir: string
}): Promise<string> {
  const { given, demo, production, dataDir } = args
  if (given) {
    const problem = weakness(given)
    if (problem && production) throw new ConfigurationError(`PAYLOAD_SECRET is ${problem}. Set it to at least ${MIN_SECRET_LENGTH} random characters, e.g. \`openssl rand -hex 32\`.`)
    return given
  }
  if (production && !demo) {
    throw new ConfigurationError(
      `PAYLOAD_SECRET is not set. A server on DATABASE_URL needs its own secret of at least ${MIN_SECRET_LENGTH} random characters, e.g. \`openssl rand -hex 32\`.`,
    )
  }
  const file = path.join(dataDir, 'payload-secret')
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  const secret = randomBytes(32).toString('hex')
  await mkdir(dataDir, { recursive: true })
  await writeFile(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

function weakness(secret: string): string | null {
  if (secret.length < MIN_SECRET_LENGTH) return `too short (${secret.length} characters)`
  if (WEAK_SECRETS.has(secret.toLowerCase()) || new Set(secret).size < 8) return 'too easy to guess'
  return null
}

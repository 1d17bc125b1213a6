/**
 * The backup archive: one .tar.gz holding `manifest.json`, `database/` (one JSON Lines file per
 * table, plus the sequences) and `media/` (the uploads folder as it was). Packed and unpacked with
 * the system's `tar`.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { EmbeddedDatabaseInUse } from '../../server/embeddedPostgres'
import { languageOfLocale, type Message, translate } from '../../lib/i18n/translate'

const run = promisify(execFile)

export const ARCHIVE_FORMAT = 'newsroom-backup/1'

export type Manifest = {
  format: typeof ARCHIVE_FORMAT
  createdAt: string
  /** The migrations applied to the database, in order: the schema its rows belong to. */
  migrations: string[]
  postgresVersion: string
  /** Rows per table. */
  tables: Record<string, number>
  mediaFiles: number
}


/** A scratch folder for an archive's contents, removed by `remove`. */
export async function scratchFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-backup-'))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * Writes the archive from a scratch folder holding `database/`, adding the manifest and the media
 * folder (through a link that tar follows, so the uploads are not copied first).
 */
export async function packArchive(scratch: string, manifest: Manifest, mediaDir: string, file: string): Promise<void> {
  await writeFile(path.join(scratch, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  await mkdir(mediaDir, { recursive: true })
  await symlink(mediaDir, path.join(scratch, 'media'))
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  // Written aside and renamed once whole: a run that fails leaves no archive that looks complete.
  const partial = `${path.resolve(file)}.partial`
  try {
    await run('tar', ['--create', '--gzip', '--dereference', '--file', partial, '--directory', scratch, 'manifest.json', 'database', 'media'])
    await rename(partial, path.resolve(file))
  } finally {
    await rm(partial, { force: true })
  }
}

/** Unpacks an archive into the scratch folder and returns its manifest, refusing what is not one. */
export async function unpackArchive(file: string, scratch: string): Promise<Manifest> {
  await run('tar', ['--extract', '--gzip', '--file', path.resolve(file), '--directory', scratch]).catch((error: { stderr?: string }) => {
    throw new ArchiveError({ code: 'BACKUP_UNREADABLE', values: { file, detail: error.stderr?.trim() || String(error) } })
  })
  const manifest = JSON.parse(await readFile(path.join(scratch, 'manifest.json'), 'utf8').catch(() => 'null')) as Manifest | null
  if (manifest?.format !== ARCHIVE_FORMAT) {
    throw new ArchiveError({ code: 'BACKUP_NOT_OURS', values: { file, format: ARCHIVE_FORMAT } })
  }
  return manifest
}

/** A problem with what the operator asked for: reported in a sentence, exit code 1, no stack trace. */
/** The operator's mistake, said in the language of their shell (LANG). */
export class ArchiveError extends Error {
  constructor(message: Message) {
    super(translate(message, languageOfLocale(process.env)))
  }
}

/**
 * Errors worth a sentence rather than a stack trace: the operator's (a bad file, a non-empty
 * target, a bad option, a demo server still running on the embedded database) and PostgreSQL's own
 * (a database that does not exist, a refused login).
 */
export function explained(error: unknown): boolean {
  const { code, severity } = (error ?? {}) as { code?: unknown; severity?: unknown }
  return error instanceof ArchiveError || error instanceof EmbeddedDatabaseInUse || typeof severity === 'string' || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
}

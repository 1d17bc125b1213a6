import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { StringDecoder } from 'node:string_decoder'

import type { ArchiveEntry, ArchiveProblem } from '../../lib/import/archive'
import { jsonLineRecord } from '../../lib/import/jsonl'
import { ImportProblem, reasonOf } from '../../lib/import/problem'
import { mayBeAttachment, noteAttachment, parseWxrItem, type WxrChannel, wxrChannel, wxrRecord } from '../../lib/import/wxr'
import { WxrItemSplitter } from '../../lib/import/wxrItems'

export const FORMATS = {
  wxr: { extensions: ['.xml', '.wxr'], defaultSystem: 'wordpress' },
  jsonl: { extensions: ['.jsonl', '.ndjson'], defaultSystem: 'jsonl' },
} as const
export type Format = keyof typeof FORMATS

/**
 * A file, or every file of the format in a folder (in name order), read one after the other; `dir`
 * is the archive's own folder, where the paths of its images are read.
 */
export type ArchiveSource = { files: ArchiveFile[]; format: Format; totalBytes: number; dir: string }
/** `attachments`: a WordPress export's attachment urls by post id. */
type ArchiveFile = { file: string; bytes: number; modifiedMs: number; attachments: Map<string, string> }

/**
 * One unit of the archive (a line of JSON Lines, an item of a WordPress export) as it was read:
 * `record` is its article or problem, or null when it holds neither (a blank line, a page, an
 * attachment). `unit` counts the units from the start of the source: an interrupted run resumes
 * after the last unit it finished.
 */
export type ArchiveUnit = { unit: number; record: ArchiveEntry | ArchiveProblem | null; bytesRead: number }

/** Throws an ImportProblem when the input is not there, or its format cannot be told. */
export async function archiveSource(input: string, format?: string): Promise<ArchiveSource> {
  const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new ImportProblem({ code: 'IMPORT_INPUT_MISSING', values: { input } }) : error
  })
  const chosen = format ?? formatFromExtension(input, info.isDirectory())
  if (!(chosen in FORMATS)) throw new ImportProblem({ code: 'IMPORT_FORMAT_UNKNOWN', values: { format: chosen } })
  const extensions: readonly string[] = FORMATS[chosen as Format].extensions
  const names = info.isDirectory()
    ? (await readdir(input)).filter((name) => extensions.includes(path.extname(name).toLowerCase())).sort().map((name) => path.join(input, name))
    : [input]
  if (names.length === 0) throw new ImportProblem({ code: 'IMPORT_FOLDER_EMPTY', values: { input, extensions: extensions.map((extension) => ({ zh: extension, en: extension })) } })
  const files: ArchiveFile[] = []
  for (const file of names) {
    const { size, mtimeMs } = await stat(file)
    files.push({ file, bytes: size, modifiedMs: mtimeMs, attachments: chosen === 'wxr' ? await wxrAttachments(file) : new Map() })
  }
  const dir = info.isDirectory() ? path.resolve(input) : path.dirname(path.resolve(input))
  return { files, format: chosen as Format, totalBytes: files.reduce((sum, file) => sum + file.bytes, 0), dir }
}

function formatFromExtension(input: string, isDirectory: boolean): string {
  if (isDirectory) throw new ImportProblem({ code: 'IMPORT_FOLDER_FORMAT', values: { input } })
  const extension = path.extname(input).toLowerCase()
  const format = (Object.keys(FORMATS) as Format[]).find((name) => (FORMATS[name].extensions as readonly string[]).includes(extension))
  if (!format) throw new ImportProblem({ code: 'IMPORT_FORMAT_UNTOLD', values: { input } })
  return format
}

/**
 * The archive's units in order, read as a stream (a file is never held whole). The first `skip`
 * units are passed over without being parsed. A unit's position (`line 12`, `item 3 (post 40)`) is
 * prefixed with its file's name when the source is a folder. Throws when a file is not the format
 * at all, or ends inside an item.
 */
export async function* archiveUnits(source: ArchiveSource, skip = 0): AsyncGenerator<ArchiveUnit> {
  let unit = 0
  let bytesBefore = 0
  for (const { file, bytes, attachments } of source.files) {
    const name = source.files.length > 1 ? path.basename(file) : null
    const units = source.format === 'jsonl' ? jsonLines(file, skip - unit) : wxrItems(file, attachments, skip - unit)
    for await (const { record, bytesRead } of units) {
      unit++
      const at = record && name ? { code: 'IMPORT_AT_IN_FILE', values: { file: name, place: record.at } } as const : undefined
      yield { unit, record: record && at ? { ...record, at } : record, bytesRead: bytesBefore + bytesRead }
    }
    bytesBefore += bytes
  }
}

type FileUnit = { record: ArchiveEntry | ArchiveProblem | null; bytesRead: number }

/** The file's text in pieces, with how many bytes have been read at the end of each. */
async function* pieces(file: string): AsyncGenerator<{ text: string; bytesRead: number }> {
  const decoder = new StringDecoder('utf8')
  let bytesRead = 0
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length
    yield { text: decoder.write(chunk), bytesRead }
  }
  yield { text: decoder.end(), bytesRead }
}

async function* jsonLines(file: string, skip: number): AsyncGenerator<FileUnit> {
  let rest = ''
  let lineNumber = 0
  let read = 0
  const unitOf = (line: string, bytesRead: number): FileUnit => {
    lineNumber++
    const text = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line
    return { record: lineNumber <= skip ? null : jsonLineRecord(text.replace(/\r$/, ''), lineNumber), bytesRead }
  }
  for await (const { text, bytesRead } of pieces(file)) {
    const lines = (rest + text).split('\n')
    rest = lines.pop() ?? ''
    read = bytesRead
    for (const line of lines) yield unitOf(line, bytesRead)
  }
  if (rest !== '') yield unitOf(rest, read)
}

/**
 * Where a WordPress export's attachments are: a post names its featured image by an attachment's id,
 * and attachments may come after the posts, so the file is read for them first. This reading also
 * refuses a file that is not an export, or ends inside an item, before anything is written.
 */
async function wxrAttachments(file: string): Promise<Map<string, string>> {
  const channel: WxrChannel = { authorNames: new Map(), categories: new Map(), attachmentUrls: new Map() }
  for await (const { item } of splitItems(file)) {
    if (!mayBeAttachment(item)) continue
    try {
      noteAttachment(channel, parseWxrItem(item))
    } catch {
      // A broken item is reported as such when the posts are read.
    }
  }
  return channel.attachmentUrls
}

async function* wxrItems(file: string, attachments: Map<string, string>, skip: number): AsyncGenerator<FileUnit> {
  let channel: WxrChannel | null = null
  let index = 0
  for await (const { item, header, bytesRead } of splitItems(file)) {
    channel ??= { ...wxrChannel(header), attachmentUrls: attachments }
    const at = index++
    if (at < skip) {
      yield { record: null, bytesRead }
      continue
    }
    try {
      yield { record: wxrRecord(parseWxrItem(item), at, channel), bytesRead }
    } catch (error) {
      yield { record: { at: { code: 'IMPORT_AT_UNREAD_ITEM', values: { item: at + 1 } }, reason: reasonOf(error) }, bytesRead }
    }
  }
}

async function* splitItems(file: string): AsyncGenerator<{ item: string; header: string; bytesRead: number }> {
  const splitter = new WxrItemSplitter()
  for await (const { text, bytesRead } of pieces(file)) {
    for (const item of splitter.push(text)) yield { item, header: splitter.header ?? '', bytesRead }
  }
  splitter.end()
  // Checked before anything is read for posts: a file that is no export fails before a write.
  wxrChannel(splitter.header ?? '')
}

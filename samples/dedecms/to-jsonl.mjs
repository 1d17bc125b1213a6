// Turns a DedeCMS 5.7 site's articles into the importer's JSON Lines (docs/import-dedecms.md):
//
//   node samples/dedecms/to-jsonl.mjs DIR > DIR/archive.jsonl
//
// DIR holds dede_archives.tsv, dede_addonarticle.tsv and dede_arctype.tsv, each the output of
// `mysql --batch -e 'SELECT …'`. Lines go to stdout, notes on rows left out or made drafts to stderr.
// Self-contained (Node's own modules only) so that it runs on the old site's machine with no checkout.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const BATCH_ESCAPES = { n: '\n', t: '\t', 0: '\0', '\\': '\\' }

/**
 * Rows of `mysql --batch` output as objects keyed by the header line's column names. The client writes
 * a newline, tab, NUL and backslash inside a value as `\n`, `\t`, `\0`, `\\`, and a NULL as `NULL`.
 */
export function readMysqlBatch(text) {
  const [header, ...rows] = text.replace(/^\uFEFF/, '').split('\n').filter((line) => line !== '')
  const columns = header.split('\t')
  return rows.map((row) => {
    const values = row.split('\t').map((value) => (value === 'NULL' ? null : value.replace(/\\(.)/g, (escape, char) => BATCH_ESCAPES[char] ?? escape)))
    return Object.fromEntries(columns.map((column, index) => [column, values[index] ?? null]))
  })
}

/** DedeCMS stores Unix seconds and shows them in Beijing time; written with +08:00, as its editors saw them. */
function beijingTime(seconds) {
  return `${new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 19)}+08:00`
}

/** The channel's names from the top one down, following `reid` until 0. */
function channelPath(typeid, types) {
  const names = []
  const seen = new Set()
  for (let id = typeid; id !== '0' && !seen.has(id); id = types.get(id).reid) {
    if (!types.has(id)) return undefined
    seen.add(id)
    names.unshift(types.get(id).typename)
  }
  return names
}

/**
 * `#p#副标题#e#` splits a DedeCMS article into pages (its editors' page-break button inserts it, often
 * in a paragraph of its own): one body here, each page after a heading of its subtitle, or after nothing
 * when the editor left the button's placeholder 副标题 in place.
 */
function bodyHtml(body) {
  return (body ?? '').replace(/<p[^>]*>\s*#p#(.*?)#e#\s*<\/p>|#p#(.*?)#e#/g, (marker, inParagraph, bare) => {
    const subtitle = (inParagraph ?? bare).trim()
    return subtitle === '' || subtitle === '副标题' ? '' : `<h2>${subtitle}</h2>`
  })
}

/**
 * One JSON Lines object per article, and a note for each row left out or changed in meaning. arcrank:
 * 0 is public, -1 awaiting review (a draft), -2 in the recycle bin (left out), above 0 readable by members
 * of that rank only (a draft: this portal has no members-only articles).
 */
export function dedecmsLines({ archives, addons, types }) {
  const bodies = new Map(addons.map((addon) => [addon.aid, addon.body]))
  const typesById = new Map(types.map((type) => [type.id, type]))
  const lines = []
  const notes = []
  for (const archive of archives) {
    const rank = Number(archive.arcrank)
    if (rank === -2) {
      notes.push(`${archive.id}: in the recycle bin (arcrank -2): left out`)
      continue
    }
    if (rank > 0) notes.push(`${archive.id}: members-only (arcrank ${rank}): imported as a draft`)
    const category = channelPath(archive.typeid, typesById)
    if (!category) notes.push(`${archive.id}: channel ${archive.typeid} not in dede_arctype: imported without a channel`)
    const published = Number(archive.pubdate) || Number(archive.senddate)
    const line = {
      id: Number(archive.id),
      title: archive.title ?? '',
      source: archive.source ?? '',
      summary: archive.description ?? '',
      authors: archive.writer ? [archive.writer] : [],
      category: category ?? [],
      tags: (archive.keywords ?? '').split(/[,，]/).map((tag) => tag.trim()).filter((tag) => tag !== ''),
      ...(published ? { publishedAt: beijingTime(published) } : {}),
      status: rank === 0 ? 'published' : 'draft',
      html: bodyHtml(bodies.get(archive.id)),
      images: archive.litpic ? [archive.litpic] : [],
    }
    // Only what the site gave: an empty field would tell the importer nothing anyway.
    lines.push(Object.fromEntries(Object.entries(line).filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0))))
  }
  return { lines, notes }
}

function main(dir) {
  const table = (name) => readMysqlBatch(readFileSync(path.join(dir, `${name}.tsv`), 'utf8'))
  const { lines, notes } = dedecmsLines({ archives: table('dede_archives'), addons: table('dede_addonarticle'), types: table('dede_arctype') })
  for (const note of notes) process.stderr.write(`${note}\n`)
  process.stdout.write(lines.map((line) => `${JSON.stringify(line)}\n`).join(''))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.length !== 3) {
    process.stderr.write('usage: node samples/dedecms/to-jsonl.mjs DIR > archive.jsonl\n')
    process.exit(1)
  }
  main(process.argv[2])
}

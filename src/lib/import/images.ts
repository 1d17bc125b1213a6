import path from 'node:path'

import { ImportProblem } from './problem'

/** Where an archive's image is: a file beside the archive, or on the web. */
export type ImageSource = { kind: 'file'; path: string } | { kind: 'url'; url: URL }

const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/**
 * Reads an image reference from an archive. A path is taken inside the archive's folder, a leading
 * slash included (`/uploads/a.png` as a site exported it), and may not climb out of it: an archive
 * comes from elsewhere and must not pick files off this machine. Throws with the reason otherwise.
 */
export function imageSourceOf(src: string, archiveDir: string): ImageSource {
  if (src === '') throw new ImportProblem({ code: 'IMPORT_NO_ADDRESS' })
  if (src.startsWith('//')) return { kind: 'url', url: new URL(`https:${src}`) }
  const scheme = SCHEME.exec(src)?.[1].toLowerCase()
  if (scheme === 'http' || scheme === 'https') return { kind: 'url', url: new URL(src) }
  if (scheme) throw new ImportProblem({ code: 'IMPORT_SCHEME_REFUSED', values: { scheme: `${scheme}:` } })
  const relative = decodePath(src.split(/[?#]/)[0]).replace(/^[/\\]+/, '')
  const resolved = path.resolve(archiveDir, relative)
  if (path.relative(archiveDir, resolved).startsWith('..')) throw new ImportProblem({ code: 'IMPORT_OUTSIDE_ARCHIVE' })
  return { kind: 'file', path: resolved }
}

function decodePath(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

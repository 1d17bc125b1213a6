import path from 'node:path'

/** Where an archive's image is: a file beside the archive, or on the web. */
export type ImageSource = { kind: 'file'; path: string } | { kind: 'url'; url: URL }

const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/**
 * Reads an image reference from an archive. A path is taken inside the archive's folder, a leading
 * slash included (`/uploads/a.png` as a site exported it), and may not climb out of it: an archive
 * comes from elsewhere and must not pick files off this machine. Throws with the reason otherwise.
 */
export function imageSourceOf(src: string, archiveDir: string): ImageSource {
  if (src === '') throw new Error('no address')
  if (src.startsWith('//')) return { kind: 'url', url: new URL(`https:${src}`) }
  const scheme = SCHEME.exec(src)?.[1].toLowerCase()
  if (scheme === 'http' || scheme === 'https') return { kind: 'url', url: new URL(src) }
  if (scheme) throw new Error(`${scheme}: addresses are not imported`)
  const relative = decodePath(src.split(/[?#]/)[0]).replace(/^[/\\]+/, '')
  const resolved = path.resolve(archiveDir, relative)
  if (path.relative(archiveDir, resolved).startsWith('..')) throw new Error("outside the archive's folder")
  return { kind: 'file', path: resolved }
}

function decodePath(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export type ImageType = { mimeType: string; extension: string }

/** The raster formats the media collection takes, told by their first bytes rather than a name. */
export function imageTypeOf(data: Buffer): ImageType | null {
  const ascii = (start: number, end: number) => data.subarray(start, end).toString('latin1')
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mimeType: 'image/png', extension: 'png' }
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { mimeType: 'image/jpeg', extension: 'jpg' }
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return { mimeType: 'image/gif', extension: 'gif' }
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { mimeType: 'image/webp', extension: 'webp' }
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return { mimeType: 'image/avif', extension: 'avif' }
  return null
}

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'gif', 'webp', 'avif'] as const

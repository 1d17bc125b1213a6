export type ImageType = { mimeType: string; extension: string }

/** The raster formats the media collections take, told by their first bytes rather than a name. */
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

/** The types `imageTypeOf` tells apart: the only ones the media and avatar collections accept (no SVG: it can carry script). */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']

/** The sizes every image is also stored in; the article page's statement reads each of them. */
export const MEDIA_IMAGE_SIZES: { name: string; width: number; height?: number; position?: 'centre'; withoutEnlargement?: boolean }[] = [
  { name: 'thumbnail', width: 300, height: 300, position: 'centre' },
  { name: 'card', width: 768, height: 432, position: 'centre' },
  { name: 'hero', width: 1600, withoutEnlargement: true },
]

const MAX_NAME_LENGTH = 100

/**
 * A stored file name from whatever a client called its upload: only the last path component
 * (no `../`, no `/` or `\`), without control or other unsafe characters or leading dots, at most
 * 100 characters, and with the extension of the type the content really is (a PNG called
 * `x.html` is stored as `x.png`).
 */
export function safeUploadName(given: unknown, type: ImageType): string {
  const last = (typeof given === 'string' ? given : '').split(/[/\\]/).pop() ?? ''
  const stem = last
    .normalize('NFC')
    .replace(/^\.+/, '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, MAX_NAME_LENGTH)
  return `${stem || 'image'}.${type.extension}`
}

import type { ImageSize, MediaImage } from './types'

/**
 * File URLs as the API gives them are absolute on its PUBLIC_URL. When the portal reads this very
 * server (no PORTAL_API_URL), they are made relative, so images load from whatever host name the
 * reader used (and stay same-origin under the Content Security Policy).
 */
export function fileUrl(url: string | null | undefined): string | null {
  if (!url) return null
  if (process.env.PORTAL_API_URL) return url
  try {
    const parsed = new URL(url)
    return parsed.pathname.startsWith('/api/') ? `${parsed.pathname}${parsed.search}` : url
  } catch {
    return url
  }
}

type ImgProps = { src: string; srcSet?: string; width?: number; height?: number }

/**
 * An `<img>`'s sources for a media document: the narrowest of the named renditions and the original
 * as `src` (with its size, so the page does not shift), all of them in `srcset` for the browser to
 * choose by the `sizes` the page gives.
 */
export function imageSources(image: MediaImage, names: ('card' | 'hero')[] = ['card', 'hero']): ImgProps | null {
  const usable = [...names.map((name) => image.sizes?.[name]), image]
    .filter((size): size is ImageSize => Boolean(size?.url && size.width))
    .filter((size, index, all) => all.findIndex((other) => other.width === size.width) === index)
    .sort((a, b) => a.width! - b.width!)
  const first = usable[0]
  if (!first) return null
  return {
    src: fileUrl(first.url)!,
    srcSet: usable.length > 1 ? usable.map((size) => `${fileUrl(size.url)} ${size.width}w`).join(', ') : undefined,
    width: first.width ?? undefined,
    height: first.height ?? undefined,
  }
}

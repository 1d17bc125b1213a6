import { ConfigurationError } from '../runtime/configurationError'

/**
 * Where uploads go when S3_BUCKET is set: an S3-compatible bucket (AWS S3, Aliyun OSS, Tencent COS,
 * Huawei OBS, MinIO) shared by every instance, instead of this machine's MEDIA_DIR.
 */
export type ObjectStorageSettings = {
  bucket: string
  /** The service's address; unset means AWS S3 itself, chosen by region. */
  endpoint: string | undefined
  region: string
  credentials: { accessKeyId: string; secretAccessKey: string }
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key`: MinIO and most self-hosted services need it. */
  forcePathStyle: boolean
  /** Where readers fetch objects from (a CDN or the bucket's public address), without a trailing slash; unset, files are served through this server. */
  publicUrl: string | undefined
}

/**
 * The key prefix of each upload collection's objects in the bucket, so that a media file and an
 * avatar of the same name never share a key (on disk they are `media/` and `media/avatars/`).
 */
export const OBJECT_KEY_PREFIXES = { media: 'media', avatars: 'avatars' } as const

const BOOLEAN = /^(true|false|1|0)$/i

/**
 * S3_BUCKET and its companions. Unset, uploads stay on local disk; set, every other value it needs
 * must be there, or the start stops naming the one missing: a server that accepted uploads it could
 * not store would lose them. No message ever repeats a key's value.
 */
export function objectStorageFrom(env: Readonly<Record<string, string | undefined>>): ObjectStorageSettings | null {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim()
  if (!accessKeyId) throw new ConfigurationError('S3_BUCKET is set but S3_ACCESS_KEY_ID is not: set the access key the bucket was granted to.')
  if (!secretAccessKey) throw new ConfigurationError('S3_BUCKET is set but S3_SECRET_ACCESS_KEY is not: set the secret of S3_ACCESS_KEY_ID.')
  const endpoint = httpUrl(env, 'S3_ENDPOINT')
  const region = env.S3_REGION?.trim() || (endpoint ? 'us-east-1' : undefined)
  if (!region) throw new ConfigurationError('S3_BUCKET is set without S3_ENDPOINT or S3_REGION: set the region of the AWS bucket, or the endpoint of another service.')
  const pathStyle = env.S3_FORCE_PATH_STYLE?.trim() ?? ''
  if (pathStyle && !BOOLEAN.test(pathStyle)) throw new ConfigurationError(`S3_FORCE_PATH_STYLE=${pathStyle} will not do: set true or false.`)
  return {
    bucket,
    endpoint,
    region,
    credentials: { accessKeyId, secretAccessKey },
    forcePathStyle: /^(true|1)$/i.test(pathStyle),
    publicUrl: httpUrl(env, 'S3_PUBLIC_URL')?.replace(/\/+$/, ''),
  }
}

function httpUrl(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name]?.trim()
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigurationError(`${name} will not do: set an http:// or https:// address.`)
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new ConfigurationError(`${name} will not do: set an http:// or https:// address with no credentials, query or fragment in it.`)
  }
  return value
}

/**
 * A reader's address for an object: the public base, then each segment of its key encoded, the way
 * the S3 adapter encodes a file name in its own URLs (a name may hold Chinese characters or spaces).
 */
export function publicObjectUrl(publicUrl: string, key: string): string {
  return `${publicUrl}/${key.split('/').filter(Boolean).map(encodeURIComponent).join('/')}`
}

/** The object's key from a document's stored folder (its `prefix`) and a file name, as the adapter builds it. */
export function objectKey(folder: string | null | undefined, fallbackPrefix: string, filename: string): string {
  const dir = (folder || fallbackPrefix).replace(/^\/+|\/+$/g, '')
  return dir ? `${dir}/${filename}` : filename
}

/**
 * Where an object of the bucket sits in the uploads folder's layout (MEDIA_DIR: media files at its
 * top, avatars in `avatars/`), and back: backups hold that one layout whichever a deployment stores
 * in, so an archive of a bucket restores onto a disk and the other way round. Null for a key that
 * belongs to neither collection.
 */
export function folderPathOfObject(key: string): string | null {
  const [prefix, ...rest] = key.split('/')
  if (rest.length === 0 || rest.some((segment) => segment === '' || segment === '.' || segment === '..')) return null
  if (prefix === OBJECT_KEY_PREFIXES.media) return rest.join('/')
  if (prefix === OBJECT_KEY_PREFIXES.avatars) return key
  return null
}

/** The key an uploads-folder file goes back to: `avatars/…` stays, anything else is a media file. */
export function objectOfFolderPath(relativePath: string): string {
  const posix = relativePath.split(/[\\/]/).join('/')
  return posix.startsWith(`${OBJECT_KEY_PREFIXES.avatars}/`) ? posix : `${OBJECT_KEY_PREFIXES.media}/${posix}`
}

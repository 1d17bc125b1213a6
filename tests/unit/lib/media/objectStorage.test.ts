import fc from 'fast-check'

import { folderPathOfObject, objectKey, objectOfFolderPath, objectStorageFrom, publicObjectUrl } from '../../../../src/lib/media/objectStorage'
import { ConfigurationError } from '../../../../src/lib/runtime/configurationError'

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
const MINIO = { S3_BUCKET: 'newsroom', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'minio', S3_SECRET_ACCESS_KEY: SECRET, S3_FORCE_PATH_STYLE: 'true' }

/** The message a setting is refused with, or null when it is taken. */
function refusal(env: Record<string, string>): string | null {
  try {
    objectStorageFrom(env)
    return null
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
}

describe('objectStorageFrom', () => {
  it('leaves uploads on disk when S3_BUCKET is unset or blank, whatever else is set', () => {
    expect(objectStorageFrom({})).toBeNull()
    expect(objectStorageFrom({ ...MINIO, S3_BUCKET: '  ' })).toBeNull()
  })

  it('reads a MinIO setting: its endpoint, path-style addresses, and a region it ignores', () => {
    expect(objectStorageFrom(MINIO)).toEqual({
      bucket: 'newsroom',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'minio', secretAccessKey: SECRET },
      forcePathStyle: true,
      publicUrl: undefined,
    })
  })

  it('reads AWS S3 itself from a region alone, and a CDN address without its trailing slash', () => {
    const settings = objectStorageFrom({ S3_BUCKET: 'b', S3_REGION: 'ap-east-1', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_PUBLIC_URL: 'https://img.example.cn/' })
    expect(settings).toMatchObject({ endpoint: undefined, region: 'ap-east-1', forcePathStyle: false, publicUrl: 'https://img.example.cn' })
  })

  it.each([
    ['no access key', { S3_ACCESS_KEY_ID: '' }, 'S3_ACCESS_KEY_ID'],
    ['no secret', { S3_SECRET_ACCESS_KEY: '' }, 'S3_SECRET_ACCESS_KEY'],
    ['neither endpoint nor region', { S3_ENDPOINT: '' }, 'S3_REGION'],
    ['an endpoint that is no address', { S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
    ['an endpoint carrying credentials', { S3_ENDPOINT: `http://minio:${SECRET}@127.0.0.1:9000` }, 'S3_ENDPOINT'],
    ['a CDN on ftp', { S3_PUBLIC_URL: 'ftp://img.example.cn' }, 'S3_PUBLIC_URL'],
    ['a path style that is not a yes or no', { S3_FORCE_PATH_STYLE: 'sometimes' }, 'S3_FORCE_PATH_STYLE'],
  ])('stops the start on %s, naming the setting and never repeating the secret', (_case, change, named) => {
    const message = refusal({ ...MINIO, ...change })
    expect(message).toContain(named)
    expect(message).not.toContain(SECRET)
  })
})

describe('object keys and addresses', () => {
  it('builds a key from the document’s folder, or the collection’s prefix when it has none', () => {
    expect(objectKey('media', 'media', 'kline.png')).toBe('media/kline.png')
    expect(objectKey(null, 'avatars', 'me.png')).toBe('avatars/me.png')
    expect(objectKey('/media/abc/', 'media', 'x.png')).toBe('media/abc/x.png')
  })

  it('encodes each segment of a key in a public address, keeping the slashes between them', () => {
    expect(publicObjectUrl('https://img.example.cn', 'media/上证 指数.png')).toBe('https://img.example.cn/media/%E4%B8%8A%E8%AF%81%20%E6%8C%87%E6%95%B0.png')
    expect(publicObjectUrl('http://127.0.0.1:9000/newsroom', 'avatars/a#b?.png')).toBe('http://127.0.0.1:9000/newsroom/avatars/a%23b%3F.png')
  })

  it('maps the bucket onto the uploads folder’s layout (media at the top, avatars in avatars/) and back', () => {
    expect(folderPathOfObject('media/kline.png')).toBe('kline.png')
    expect(folderPathOfObject('avatars/me-96x96.png')).toBe('avatars/me-96x96.png')
    expect(objectOfFolderPath('kline.png')).toBe('media/kline.png')
    expect(objectOfFolderPath('avatars/me-96x96.png')).toBe('avatars/me-96x96.png')
  })

  it('leaves out keys of neither collection and keys that would climb out of the folder', () => {
    for (const key of ['other/file.png', 'file.png', 'media/', 'media/../etc/passwd', 'avatars/./x', 'media//x']) expect(folderPathOfObject(key)).toBeNull()
  })

  it('gives every object it keeps back the same key', () => {
    const segment = fc.stringMatching(/^[\p{L}\p{N}_-][\p{L}\p{N}_.-]{0,20}$/u).filter((s) => s !== '.' && s !== '..')
    fc.assert(
      fc.property(fc.constantFrom('media', 'avatars'), fc.array(segment, { minLength: 1, maxLength: 3 }), (prefix, segments) => {
        const key = [prefix, ...segments].join('/')
        const relative = folderPathOfObject(key)
        // A media file whose first folder is named `avatars` would read back as an avatar: no upload makes one.
        fc.pre(!(prefix === 'media' && segments.length > 1 && segments[0] === 'avatars'))
        expect(relative).not.toBeNull()
        expect(objectOfFolderPath(relative!)).toBe(key)
      }),
    )
  })
})

/**
 * The uploads of a deployment that keeps them in an S3-compatible bucket (S3_BUCKET), copied to and
 * from a folder in the uploads folder's layout, which is what a backup archive holds.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { S3 } from '@aws-sdk/client-s3'

import { folderPathOfObject, OBJECT_KEY_PREFIXES, objectOfFolderPath, type ObjectStorageSettings } from '../../lib/media/objectStorage'
import { imageTypeOf } from '../../lib/media/imageFiles'
import { ArchiveError } from './archive'

export type Bucket = {
  /** How the operator knows it: `s3://name` (never its credentials). */
  name: string
  /** The keys of every upload object (media and avatars), in no order. */
  uploadKeys: () => Promise<string[]>
  /** Each upload object written under `dir` at its place in the uploads folder's layout. */
  download: (dir: string) => Promise<void>
  /** Every file under `dir` (the uploads folder's layout) put back as its object. */
  upload: (dir: string) => Promise<void>
  deleteUploads: () => Promise<void>
}

export function openBucket(settings: ObjectStorageSettings): Bucket {
  const client = new S3({ endpoint: settings.endpoint, region: settings.region, credentials: settings.credentials, forcePathStyle: settings.forcePathStyle })
  const name = `s3://${settings.bucket}`
  const Bucket = settings.bucket
  // The SDK's message names the bucket and the service's reason, never the keys.
  const reaching = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      throw new ArchiveError({ code: 'BUCKET_UNREACHABLE', values: { bucket: name, detail: (error as Error).name || String(error) } })
    })

  const uploadKeys = async () => {
    const keys: string[] = []
    for (const prefix of Object.values(OBJECT_KEY_PREFIXES)) {
      let ContinuationToken: string | undefined
      do {
        const page = await reaching(client.listObjectsV2({ Bucket, Prefix: `${prefix}/`, ContinuationToken }))
        keys.push(...(page.Contents ?? []).map((object) => object.Key!).filter(Boolean))
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken)
    }
    return keys
  }

  return {
    name,
    uploadKeys,
    download: async (dir) => {
      for (const key of await uploadKeys()) {
        const relative = folderPathOfObject(key)
        if (relative === null) continue
        const object = await reaching(client.getObject({ Bucket, Key: key }))
        const file = path.join(dir, relative)
        await mkdir(path.dirname(file), { recursive: true })
        await writeFile(file, await object.Body!.transformToByteArray())
      }
    },
    upload: async (dir) => {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
      for (const entry of entries.filter((candidate) => candidate.isFile())) {
        const file = path.join(entry.parentPath, entry.name)
        // Uploads are at most MEDIA_MAX_BYTES: read whole, which also gives the SDK the length it needs.
        const Body = await readFile(file)
        // The type the upload check gave it, told again from its content: the object is served with it.
        const ContentType = imageTypeOf(Body)?.mimeType ?? 'application/octet-stream'
        await reaching(client.putObject({ Bucket, Key: objectOfFolderPath(path.relative(dir, file)), Body, ContentType }))
      }
    },
    deleteUploads: async () => {
      const keys = await uploadKeys()
      for (let start = 0; start < keys.length; start += 1000) {
        await reaching(client.deleteObjects({ Bucket, Delete: { Objects: keys.slice(start, start + 1000).map((Key) => ({ Key })) } }))
      }
    },
  }
}

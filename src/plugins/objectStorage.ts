import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { anyone } from '../access/anyone'
import { serverWritten } from '../access/serverWritten'
import { OBJECT_KEY_PREFIXES, objectKey, type ObjectStorageSettings, publicObjectUrl } from '../lib/media/objectStorage'

/** What the storage plugin adds to each upload collection: where a document's objects are in the bucket. */
const STORAGE_FIELDS = ['prefix', '_objectKey']

/**
 * Uploads of `media` and `avatars` in an S3-compatible bucket when settings are given, on local
 * disk otherwise. The plugin adds its fields either way, so the schema (and the migrations) are one
 * whatever a deployment stores in.
 *
 * Files go through this server's upload checks (content sniffing, size limit, no SVG) before the
 * adapter stores them: no browser writes to the bucket directly (`clientUploads` stays off).
 * Readers get them through `/api/<collection>/file/<name>`, which applies the collection's read
 * access, unless S3_PUBLIC_URL is set: then the documents' URLs point there, but only for a
 * collection anyone may read, since a public address bypasses Payload's access check.
 */
export function objectStoragePlugin(settings: ObjectStorageSettings | null): Plugin {
  return (config: Config) => {
    const collections = Object.fromEntries(
      Object.entries(OBJECT_KEY_PREFIXES).map(([slug, prefix]) => {
        const collection = config.collections?.find((candidate) => candidate.slug === slug)
        const publicUrl = settings?.publicUrl && collection && readableByAnyone(collection) ? settings.publicUrl : undefined
        return [
          slug,
          {
            prefix,
            ...(publicUrl && {
              generateFileURL: ({ filename, prefix: folder }: { filename: string; prefix?: string }) => publicObjectUrl(publicUrl, objectKey(folder, prefix, filename)),
            }),
          },
        ]
      }),
    )
    const withStorage = s3Storage({
      enabled: settings !== null,
      alwaysInsertFields: true,
      bucket: settings?.bucket ?? '',
      config: settings
        ? { endpoint: settings.endpoint, region: settings.region, credentials: settings.credentials, forcePathStyle: settings.forcePathStyle }
        : {},
      collections,
    })(config) as Config
    return {
      ...withStorage,
      collections: withStorage.collections?.map((collection) => (collection.slug in OBJECT_KEY_PREFIXES ? withServerWrittenStorageFields(collection) : collection)),
    }
  }
}

const readableByAnyone = (collection: CollectionConfig) => collection.access?.read === anyone

/** No API caller points a document at other objects (another collection's, say, which a delete would then remove). */
function withServerWrittenStorageFields(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    fields: collection.fields.map((field: Field) => ('name' in field && STORAGE_FIELDS.includes(field.name) ? { ...field, access: serverWritten() } : field)) as Field[],
  }
}

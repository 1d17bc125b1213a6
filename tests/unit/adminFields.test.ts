import type { Field, SanitizedConfig } from 'payload'

import configPromise from '../../payload.config'
import { Avatars } from '../../src/collections/Avatars'
import { Media } from '../../src/collections/Media'

const JSON_VIEW = '/components/JsonView#JsonView'

/** Every field of the config, with its dotted path, tabs, rows, groups, arrays and blocks included. */
function fieldsOf(fields: Field[], prefix: string): { path: string; field: Field }[] {
  return fields.flatMap((field) => {
    const path = 'name' in field && field.name ? `${prefix}.${field.name}` : prefix
    const inner = [
      ...('fields' in field && Array.isArray(field.fields) ? fieldsOf(field.fields, path) : []),
      ...(field.type === 'tabs' ? field.tabs.flatMap((tab) => fieldsOf(tab.fields, path)) : []),
      ...(field.type === 'blocks' ? field.blocks.flatMap((block) => (typeof block === 'object' ? fieldsOf(block.fields, path) : [])) : []),
    ]
    return [{ path, field }, ...inner]
  })
}

it('shows only JSON fields through the read-only JSON view', async () => {
  const config: SanitizedConfig = await configPromise
  const everyField = [
    ...config.collections.flatMap((collection) => fieldsOf(collection.fields, collection.slug)),
    ...config.globals.flatMap((global) => fieldsOf(global.fields, global.slug)),
  ]
  const viewed = everyField.filter(({ field }) => (field.admin?.components as { Field?: unknown } | undefined)?.Field === JSON_VIEW)
  expect(viewed.length).toBeGreaterThan(0)
  expect(viewed.filter(({ field }) => field.type !== 'json').map(({ path, field }) => `${path} (${field.type})`)).toEqual([])
})

it('labels every field the image collections declare in Chinese and English', () => {
  // Payload's own fields are hidden in the admin (file name, size, focal point…) or labelled by Payload in the admin's language (a function).
  const declared = [Media, Avatars].flatMap((collection) => fieldsOf(collection.fields, collection.slug))
  const unlabelled = declared.filter(({ field }) => {
    const label = 'label' in field ? field.label : undefined
    if (typeof label === 'function') return false
    return !(label && typeof label === 'object' && 'zh' in label && 'en' in label)
  })
  expect(declared.length).toBeGreaterThan(0)
  expect(unlabelled.map(({ path }) => path)).toEqual([])
})

import type { DateField, Field } from 'payload'

/** date-fns's long date and a 24-hour time: each language's locale writes the date its own way. */
export const ADMIN_DATE_FORMAT = 'PPP HH:mm'

export const NEWSROOM_TIMEZONE = { label: 'Asia/Shanghai (UTC+8)', value: 'Asia/Shanghai' }

/**
 * A date field's time zone, kept beside it (`<name>_tz`): the admin shows and takes the date in
 * Beijing time even in a browser set to another zone.
 */
export const inNewsroomTime: DateField['timezone'] = {
  override: ({ baseField }) => ({ ...baseField, label: { en: 'Time zone', zh: '时区' } }),
}

/**
 * Every date field of a collection or global, however nested, picked with a time and shown in the
 * admin's one format (its edit view and list cells otherwise each use a pattern of their own).
 */
export function datesInAdminFormat<T extends { fields: Field[] }>(config: T): T {
  return { ...config, fields: config.fields.map(withAdminDateFormat) }
}

function withAdminDateFormat(field: Field): Field {
  if (field.type === 'date') {
    const date = field.admin?.date ?? {}
    return { ...field, admin: { ...field.admin, date: { pickerAppearance: 'dayAndTime', displayFormat: ADMIN_DATE_FORMAT, ...date } as typeof date } }
  }
  if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(withAdminDateFormat) })) }
  if (field.type === 'blocks') return { ...field, blocks: field.blocks.map((block) => ({ ...block, fields: block.fields.map(withAdminDateFormat) })) }
  if ('fields' in field) return { ...field, fields: field.fields.map(withAdminDateFormat) } as Field
  return field
}

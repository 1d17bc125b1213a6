import type { ArrayField, Field, FieldAccess } from 'payload'

import { serverWritten } from '../access/serverWritten'
import { USERS_SLUG } from '../slugs'

const FROM_TO = {
  fields: [{ en: 'From', zh: '原值' }, { en: 'To', zh: '新值' }],
  status: [{ en: 'From', zh: '原状态' }, { en: 'To', zh: '新状态' }],
} as const

/**
 * The log the server appends to on each change staff make to a record: when, by whom, what became
 * what (`fields`: any of several fields, named in the entry; `status`: the status alone), and the
 * note given with it when asked for. Nobody writes it through the API; `read` says who sees it.
 * Each row's label reads the entry in the admin's language (`2026年12月7日 03:18 · 赵审核 · 状态：待审核 → 已通过`).
 */
export function changeLog(
  { name, label, read }: Pick<ArrayField, 'name' | 'label'> & { read: FieldAccess },
  { changes, note = false }: { changes: keyof typeof FROM_TO; note?: boolean },
): ArrayField {
  const [from, to] = FROM_TO[changes]
  const fields: Field[] = [
    { name: 'at', type: 'date', label: { en: 'When', zh: '时间' } },
    { name: 'by', type: 'relationship', relationTo: USERS_SLUG, label: { en: 'By', zh: '处理人' } },
    ...(changes === 'fields' ? [{ name: 'field', type: 'text', label: { en: 'Field', zh: '字段' } } satisfies Field] : []),
    { name: 'from', type: 'text', label: from },
    { name: 'to', type: 'text', label: to },
    ...(note ? [{ name: 'note', type: 'text', label: { en: 'Note', zh: '备注' } } satisfies Field] : []),
  ]
  // A `status` log's entries do not name their field: their values are the record's `status`.
  const RowLabel = changes === 'status' ? logRowLabel('status') : logRowLabel()
  return { name, type: 'array', label, access: serverWritten(read), admin: { readOnly: true, components: { RowLabel } }, fields }
}

/** Each entry labelled as people read it (src/components/LogRowLabel.tsx); `valuesOf` names the field an entry's values belong to when it does not say. */
export const logRowLabel = (valuesOf?: string) => ({ path: '/components/LogRowLabel#LogRowLabel', ...(valuesOf ? { serverProps: { valuesOf } } : {}) })

import type { SelectField } from 'payload'

type Labels = Readonly<Record<string, { en: string; zh: string }>>
/** Omit kept per member: SelectField is a union (hasMany true or false), which a plain Omit would merge. */
type WithoutOptions<F = SelectField> = F extends unknown ? Omit<F, 'type' | 'options'> : never

/**
 * A select whose options are the keys of a labels map, in the map's order. The map lives in
 * src/lib, where the server checks values against it, so the field and those checks cannot drift.
 */
export const labelledSelect = (labels: Labels, field: WithoutOptions): SelectField => ({
  ...field,
  type: 'select',
  options: Object.entries(labels).map(([value, label]) => ({ value, label })),
})

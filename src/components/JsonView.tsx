'use client'
import { FieldLabel, useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'

/** Recorded JSON as indented text, wrapped to the column. */
export function JsonText({ value }: { value: unknown }) {
  return <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>{value == null ? '—' : JSON.stringify(value, null, 2)}</pre>
}

/**
 * The JSON the server records (screening results, audit changes, webhook bodies), shown as text.
 * Payload's JSON field would load the Monaco editor from a CDN: unreachable offline, unreliable from
 * mainland China, outside our Content-Security-Policy, and an editor for data nobody edits.
 */
export const JsonView: JSONFieldClientComponent = ({ field, path }) => {
  const { value } = useField<unknown>({ path: path ?? field.name })
  return (
    <div className="field-type json-view">
      <FieldLabel label={field.label} path={path} />
      <JsonText value={value} />
    </div>
  )
}

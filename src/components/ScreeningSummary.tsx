'use client'
import { FieldLabel, useField, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps, JSONFieldClientComponent } from 'payload'

import { languageOfCode } from '../lib/i18n/translate'
import { describeScreening } from '../lib/moderation/summary'
import { JsonText } from './JsonView'

const RAW_LABEL = { zh: '原始记录', en: 'Raw record' }

/**
 * A comment's screening record as a moderator reads it: what decided its status and which words
 * matched, in the admin's language, with the record itself folded away beneath.
 */
export const ScreeningField: JSONFieldClientComponent = ({ field, path }) => {
  const { value } = useField<unknown>({ path: path ?? field.name })
  const language = languageOfCode(useTranslation().i18n.language)
  return (
    <div className="field-type screening-summary">
      <FieldLabel label={field.label} path={path} />
      <p data-testid="screening-summary" style={{ margin: '0 0 calc(var(--base) / 4)' }}>
        {describeScreening(value, language) || '—'}
      </p>
      {value != null && (
        <details>
          <summary>{RAW_LABEL[language]}</summary>
          <JsonText value={value} />
        </details>
      )}
    </div>
  )
}

/** The same summary as the list's column. */
export function ScreeningCell({ cellData }: DefaultCellComponentProps) {
  const language = languageOfCode(useTranslation().i18n.language)
  return <span>{describeScreening(cellData, language) || '—'}</span>
}

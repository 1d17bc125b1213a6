'use client'
import { FieldLabel, useField, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps, TextFieldClientComponent } from 'payload'

import { PROFESSIONS } from '../lib/accounts/readers'
import { type Language, languageOfCode } from '../lib/i18n/translate'

/** A profession code (`legal-assistant`) by its name in the admin's language; an unknown code as it is. */
function professionName(code: unknown, language: Language): string {
  if (typeof code !== 'string' || code === '') return ''
  return code in PROFESSIONS ? PROFESSIONS[code as keyof typeof PROFESSIONS][language] : code
}

/** The list's commenter column: the name, and the verified profession beside it. */
export function CommenterCell({ cellData }: DefaultCellComponentProps) {
  const language = languageOfCode(useTranslation().i18n.language)
  const commenter = (cellData ?? {}) as { displayName?: unknown; profession?: unknown }
  const name = typeof commenter.displayName === 'string' ? commenter.displayName : ''
  return <span>{[name, professionName(commenter.profession, language)].filter(Boolean).join(' · ') || '—'}</span>
}

/** The verified profession stored on a comment, by its name rather than its code. */
export const ProfessionField: TextFieldClientComponent = ({ field, path }) => {
  const { value } = useField<string>({ path: path ?? field.name })
  const language = languageOfCode(useTranslation().i18n.language)
  return (
    <div className="field-type profession-view">
      <FieldLabel label={field.label} path={path} />
      <p style={{ margin: 0 }}>{professionName(value, language) || '—'}</p>
    </div>
  )
}

/** The same, as a list column. */
export function ProfessionCell({ cellData }: DefaultCellComponentProps) {
  const language = languageOfCode(useTranslation().i18n.language)
  return <span>{professionName(cellData, language) || '—'}</span>
}

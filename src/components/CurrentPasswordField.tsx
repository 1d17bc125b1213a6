'use client'
import { PasswordField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

/** A password input (masked, the browser's current-password autofill) for `currentPassword`. */
export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => (
  <PasswordField autoComplete="current-password" field={{ ...field, type: 'text' }} path={path ?? field.name} />
)

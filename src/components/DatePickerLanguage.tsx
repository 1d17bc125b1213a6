'use client'

import { useTranslation } from '@payloadcms/ui'
import type { ReactNode } from 'react'
import { registerLocale, setDefaultLocale } from 'react-datepicker'

/**
 * Payload's date picker sets its language in an effect, after its first render, and shows the date
 * in English until something makes it render again. Set here, during the render of everything
 * below, the picker's first render already writes 2026年12月7日 03:18.
 */
export function DatePickerLanguage({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  if (i18n.dateFNS) {
    // The names Payload's picker registers the same locales under (its getFormattedLocale).
    const name = i18n.language === 'zh' ? 'zhCN' : 'enUS'
    registerLocale(name, i18n.dateFNS)
    setDefaultLocale(name)
  }
  return children
}

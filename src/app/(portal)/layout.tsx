import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import '../../portal/portal.css'
import { getChannels, getSiteSettings } from '../../portal/api'
import { ReaderProvider } from '../../portal/client/ReaderContext'
import { feedLinks } from '../../portal/feeds'
import { portalUrl } from '../../lib/portal/siteUrl'
import { DEFAULT_SITE_NAME } from '../../lib/siteSettings/siteName'
import { SiteFooter } from '../../portal/SiteFooter'
import { SiteHeader } from '../../portal/SiteHeader'

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings()
  const siteName = settings.siteName || DEFAULT_SITE_NAME
  return {
    metadataBase: new URL(portalUrl()),
    title: { default: siteName, template: `%s - ${siteName}` },
    icons: { icon: '/favicon.ico' },
    alternates: { types: feedLinks(siteName) },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

/** The reference portal's root layout: its own `<html lang="zh-CN">`, apart from the admin's. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const [settings, channels] = await Promise.all([getSiteSettings(), getChannels()])
  const topLevel = channels.docs.filter((channel) => !channel.parent)
  return (
    <html lang="zh-CN">
      <body>
        <ReaderProvider>
          <SiteHeader siteName={settings.siteName || DEFAULT_SITE_NAME} channels={topLevel} />
          <main className="page">{children}</main>
          <SiteFooter settings={settings} />
        </ReaderProvider>
      </body>
    </html>
  )
}

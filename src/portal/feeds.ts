import type { Metadata } from 'next'

import { discoveryPath } from '../lib/discovery/paths'
import type { Channel } from './types'

type Alternates = NonNullable<Metadata['alternates']>

/**
 * The RSS feeds a page names in its head (`<link rel="alternate" type="application/rss+xml">`), for
 * browsers and readers' apps to find: the site's newest articles, and on a channel's page that
 * channel's (with its sub-channels') first. Next resolves the paths against the portal's address.
 * A page that sets `alternates` replaces the layout's, so each of those names the feeds itself.
 */
export function feedLinks(siteName: string, channel?: Pick<Channel, 'name' | 'slug'>): Alternates['types'] {
  const site = { url: discoveryPath({ kind: 'feed' }), title: siteName }
  const own = channel && { url: discoveryPath({ kind: 'channelFeed', slug: channel.slug }), title: `${channel.name} - ${siteName}` }
  return { 'application/rss+xml': own ? [own, site] : [site] }
}

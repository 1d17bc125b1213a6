import type { Metadata } from 'next'
import Link from '../../../../portal/Link'
import { notFound } from 'next/navigation'

import { listCursor, pageNumber } from '../../../../lib/portal/links'
import { ArticleList } from '../../../../portal/ArticleList'
import { getChannel, getChannels, getSiteSettings, inChannel, listArticles, listChannelAfter } from '../../../../portal/api'
import { feedLinks } from '../../../../portal/feeds'
import { DEFAULT_SITE_NAME } from '../../../../lib/siteSettings/siteName'
import { Breadcrumb } from '../../../../portal/Breadcrumb'
import { ArticlePager } from '../../../../portal/ArticlePager'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [channel, settings] = await Promise.all([getChannel((await params).slug), getSiteSettings()])
  return channel ? { title: channel.name, alternates: { types: feedLinks(settings.siteName || DEFAULT_SITE_NAME, channel) } } : {}
}

/** A channel: its breadcrumb, its sub-channels, and its articles (sub-channels' included), paged. */
export default async function ChannelPage({ params, searchParams }: Props) {
  const { slug } = await params
  const query = await searchParams
  const before = listCursor(query.before)
  const channel = await getChannel(slug)
  if (!channel) notFound()
  const [articles, channels] = await Promise.all([before ? listChannelAfter(slug, before) : listArticles(inChannel(slug), { page: pageNumber(query.page) }), getChannels()])
  const children = channels.docs.filter((other) => other.parent === channel.id)
  return (
    <div className="channel">
      <Breadcrumb crumbs={channel.breadcrumbs ?? [{ name: channel.name, slug: channel.slug }]} />
      <h1>{channel.name}</h1>
      {children.length > 0 && (
        <nav aria-label="子频道" className="sub-channels">
          <ul>
            {children.map((child) => (
              <li key={child.id}>
                <Link href={`/channels/${child.slug}`}>{child.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ArticleList articles={articles.docs} level={2} empty="本频道暂无文章。" />
      <ArticlePager articles={articles} continued={before !== null} />
    </div>
  )
}

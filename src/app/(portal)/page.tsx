import Link from '../../portal/Link'

import { ArticleList } from '../../portal/ArticleList'
import { getChannels, getHotArticles, inChannel, listArticles } from '../../portal/api'
import { HotArticles } from '../../portal/HotArticles'

/** Home: the latest articles, 热门排行, then the newest of each top-level channel (sub-channels included). */
export default async function HomePage() {
  const channels = (await getChannels()).docs.filter((channel) => !channel.parent)
  const [hot, latest, ...byChannel] = await Promise.all([
    getHotArticles(10),
    listArticles({}, { page: 1 }, 10),
    ...channels.map((channel) => listArticles(inChannel(channel.slug), { page: 1 }, 5)),
  ])
  return (
    <div className="home">
      <section aria-labelledby="latest-heading" data-testid="latest-articles">
        <h1 id="latest-heading">最新文章</h1>
        <ArticleList articles={latest.docs} level={2} />
      </section>
      <HotArticles articles={hot} />
      {channels.map((channel, index) => (
        <section key={channel.id} aria-labelledby={`channel-${channel.id}`} data-testid="channel-section">
          <h2 id={`channel-${channel.id}`}>
            <Link href={`/channels/${channel.slug}`}>{channel.name}</Link>
          </h2>
          <ArticleList articles={byChannel[index].docs} level={3} empty="本频道暂无文章。" />
        </section>
      ))}
    </div>
  )
}

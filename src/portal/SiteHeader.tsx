import Link from './Link'

import { AccountMenu } from './client/AccountMenu'
import type { Channel } from './types'

export function SiteHeader({ siteName, channels }: { siteName: string; channels: Channel[] }) {
  return (
    <header className="site-header" data-testid="site-header">
      <div className="header-top">
        <Link href="/" className="site-name">
          {siteName}
        </Link>
        <form role="search" aria-label="站内搜索" action="/search" className="search-form">
          <label htmlFor="site-search" className="visually-hidden">
            搜索
          </label>
          <input id="site-search" name="q" type="search" placeholder="搜索文章" />
          <button type="submit">搜索</button>
        </form>
        <AccountMenu />
      </div>
      <nav aria-label="频道" className="channel-nav">
        <ul>
          <li>
            <Link href="/">首页</Link>
          </li>
          {channels.map((channel) => (
            <li key={channel.id}>
              <Link href={`/channels/${channel.slug}`}>{channel.name}</Link>
            </li>
          ))}
          <li>
            <Link href="/corrections">更正</Link>
          </li>
        </ul>
      </nav>
    </header>
  )
}

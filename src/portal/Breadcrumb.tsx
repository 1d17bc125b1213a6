import Link from './Link'

import type { Crumb } from './types'

/** 首页 > channel > … and, on an article, 正文. The channel being shown is marked as the current page. */
export function Breadcrumb({ crumbs, current }: { crumbs: Crumb[]; current?: string }) {
  return (
    <nav aria-label="面包屑" data-testid="breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link href="/">首页</Link>
        </li>
        {crumbs.map((crumb, index) => (
          <li key={crumb.slug}>
            <Link href={`/channels/${crumb.slug}`} {...(!current && index === crumbs.length - 1 ? { 'aria-current': 'page' as const } : {})}>
              {crumb.name}
            </Link>
          </li>
        ))}
        {current && <li aria-current="page">{current}</li>}
      </ol>
    </nav>
  )
}

import Link from './Link'

/**
 * Previous / page N of M / next, as links to `?{param}=N` (other query parameters kept). With
 * `totalPages` null the count is unknown (a search past its count's limit, a list past its exact
 * count): page N, and a next page while `hasNextPage` says so. `nextHref` replaces the next page's
 * number (a list continued by keyset past its numbered pages); `continued` marks such a page, whose
 * way back is the first page.
 */
export function Pager({
  label,
  page,
  totalPages,
  hasNextPage = totalPages !== null && page < totalPages,
  param = 'page',
  params = {},
  fragment = '',
  nextHref,
  continued = false,
}: {
  label: string
  page: number
  totalPages: number | null
  hasNextPage?: boolean
  param?: string
  params?: Record<string, string>
  fragment?: string
  nextHref?: string
  continued?: boolean
}) {
  if (page <= 1 && !hasNextPage && !continued) return null
  const href = (n: number) => `?${new URLSearchParams({ ...params, [param]: String(n) })}${fragment}`
  const next = nextHref ?? href(page + 1)
  return (
    <nav aria-label={label} className="pager">
      {continued ? <Link href={href(1)}>第一页</Link> : page > 1 ? <Link href={href(page - 1)} rel="prev">上一页</Link> : <span aria-hidden="true">上一页</span>}
      <span>{continued ? '更早的文章' : totalPages === null ? `第 ${page} 页` : `第 ${page} / ${totalPages} 页`}</span>
      {hasNextPage ? <Link href={next} rel="next">下一页</Link> : <span aria-hidden="true">下一页</span>}
    </nav>
  )
}

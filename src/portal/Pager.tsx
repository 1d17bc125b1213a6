import Link from './Link'

/**
 * Previous / page N of M / next, as links to `?{param}=N` (other query parameters kept). With
 * `totalPages` null the count is unknown (a search past its count's limit, a list past its exact
 * count): page N, and a next page while `hasNextPage` says so.
 */
export function Pager({
  label,
  page,
  totalPages,
  hasNextPage = totalPages !== null && page < totalPages,
  param = 'page',
  params = {},
  fragment = '',
}: {
  label: string
  page: number
  totalPages: number | null
  hasNextPage?: boolean
  param?: string
  params?: Record<string, string>
  fragment?: string
}) {
  if (page <= 1 && !hasNextPage) return null
  const href = (n: number) => `?${new URLSearchParams({ ...params, [param]: String(n) })}${fragment}`
  return (
    <nav aria-label={label} className="pager">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">上一页</Link> : <span aria-hidden="true">上一页</span>}
      <span>{totalPages === null ? `第 ${page} 页` : `第 ${page} / ${totalPages} 页`}</span>
      {hasNextPage ? <Link href={href(page + 1)} rel="next">下一页</Link> : <span aria-hidden="true">下一页</span>}
    </nav>
  )
}

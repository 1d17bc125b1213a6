import Link from './Link'

/** Previous / page N of M / next, as links to `?{param}=N` (other query parameters kept). */
export function Pager({
  label,
  page,
  totalPages,
  param = 'page',
  params = {},
  fragment = '',
}: {
  label: string
  page: number
  totalPages: number
  param?: string
  params?: Record<string, string>
  fragment?: string
}) {
  if (totalPages <= 1) return null
  const href = (n: number) => `?${new URLSearchParams({ ...params, [param]: String(n) })}${fragment}`
  return (
    <nav aria-label={label} className="pager">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">上一页</Link> : <span aria-hidden="true">上一页</span>}
      <span>
        第 {page} / {totalPages} 页
      </span>
      {page < totalPages ? <Link href={href(page + 1)} rel="next">下一页</Link> : <span aria-hidden="true">下一页</span>}
    </nav>
  )
}

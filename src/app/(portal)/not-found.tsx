import Link from '../../portal/Link'

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>页面不存在</h1>
      <p>您要找的页面不存在，或者已被删除。</p>
      <p>
        <Link href="/">返回首页</Link> · <Link href="/search">搜索文章</Link>
      </p>
    </div>
  )
}

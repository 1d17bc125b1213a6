'use client'

/** When a page cannot be rendered (the API unreachable, say): said in Chinese, inside the portal's layout. */
export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="not-found">
      <h1>页面暂时无法显示</h1>
      <p>服务暂时出现问题，请稍后再试。</p>
      <p>
        <button type="button" onClick={() => reset()}>
          重试
        </button>{' '}
        <a href="/">返回首页</a>
      </p>
    </div>
  )
}

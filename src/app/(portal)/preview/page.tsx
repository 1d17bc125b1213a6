import type { Metadata } from 'next'

import { shanghaiDateTime } from '../../../lib/portal/time'
import { getPreview, getSiteSettings } from '../../../portal/api'
import { ArticleView } from '../../../portal/ArticleView'

export const metadata: Metadata = { title: '预览', robots: { index: false, follow: false }, referrer: 'no-referrer' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const REFUSED = {
  invalid: '预览链接无效。请在后台重新生成预览链接。',
  expired: '预览链接已过期。请在后台重新生成预览链接。',
  missing: '要预览的文章已不存在。',
}

/** An editor's draft, through the signed link the admin's preview button opens. Never indexed. */
export default async function PreviewPage({ searchParams }: Props) {
  const token = (await searchParams).token
  const [result, settings] = await Promise.all([
    typeof token === 'string' && token ? getPreview(token) : Promise.resolve({ refused: 'invalid' as const }),
    getSiteSettings(),
  ])
  if ('refused' in result) {
    return (
      <div className="preview-refused">
        <h1>无法预览</h1>
        <p data-testid="preview-error">{REFUSED[result.refused]}</p>
      </div>
    )
  }
  const expiresAt = result.article.preview?.expiresAt
  return (
    <>
      <p className="preview-banner" data-testid="preview-banner" role="note">
        草稿预览：读者看不到本页{expiresAt ? `，链接有效至 ${shanghaiDateTime(expiresAt)}` : ''}。
      </p>
      <ArticleView article={result.article} settings={settings} />
    </>
  )
}

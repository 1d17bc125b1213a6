import type { SiteSettings } from './types'

/** Copyright years and the filings a Chinese news site must show, each linking where it is checked. */
export function SiteFooter({ settings }: { settings: SiteSettings }) {
  const licence = [settings.newsLicenceHolder, settings.newsLicenceCategory].filter(Boolean).join('，')
  return (
    <footer className="site-footer" data-testid="site-footer">
      <p data-testid="copyright">{settings.copyrightNotice}</p>
      <p className="filings">
        {settings.icpNumber && (
          <a href={settings.icpUrl ?? 'https://beian.miit.gov.cn/'} target="_blank" rel="noopener noreferrer" data-testid="icp-number">
            {settings.icpNumber}
          </a>
        )}
        {settings.publicSecurityNumber && settings.publicSecurityUrl && (
          <a href={settings.publicSecurityUrl} target="_blank" rel="noopener noreferrer" data-testid="public-security-number" className="public-security">
            <img src="/portal/gongan.svg" alt="公安备案" width={16} height={16} />
            {settings.publicSecurityNumber}
          </a>
        )}
        {settings.newsLicenceNumber && (
          <span data-testid="news-licence">
            互联网新闻信息服务许可证：{settings.newsLicenceNumber}
            {licence && `（${licence}）`}
          </span>
        )}
      </p>
      {settings.contactEmail && (
        <p>
          联系我们：<a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a>
        </p>
      )}
    </footer>
  )
}

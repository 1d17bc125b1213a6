import type { Metadata } from 'next'
import Link from './Link'

import { CORRECTION_KIND_LABELS } from '../lib/corrections/statuses'
import { phoneSettingsFrom } from '../lib/phone/verification'
import { readCount } from '../lib/portal/readCount'
import { shanghaiDate, shanghaiDateTime } from '../lib/portal/time'
import { Breadcrumb } from './Breadcrumb'
import { ArticleBody, FontSizeControl, FontSizeProvider } from './client/FontSize'
import { CommentForm } from './client/CommentForm'
import { CorrectionForm } from './client/CorrectionForm'
import { OwnHeldComments } from './client/OwnHeldComments'
import { ViewBeacon } from './client/ViewBeacon'
import { Comment, type Thread } from './Comment'
import { HotArticles } from './HotArticles'
import { JsonLd } from './JsonLd'
import { imageSources } from './media'
import { Pager } from './Pager'
import { RichText } from './RichText'
import { articleUrl, portalUrl } from '../lib/portal/siteUrl'
import { DEFAULT_SITE_NAME } from '../lib/siteSettings/siteName'
import { feedLinks } from './feeds'
import type { ArticlePage, ArticleTeaser, HotArticle, Paged, SiteSettings } from './types'

/** 后台实名 as this server is configured (COMMENT_REQUIRE_PHONE): the forms send an unbound reader to bind first. */
const phoneRequired = phoneSettingsFrom(process.env).required

const shownTime = (article: ArticlePage) => article.publishedAt ?? article.updatedAt

/** Title, description, canonical link and Open Graph (`og:type` article) of an article page. */
export function articleMetadata(article: ArticlePage, settings: SiteSettings): Metadata {
  const cover = article.coverImage
  const image = cover && (cover.sizes?.hero?.url ? cover.sizes.hero : cover)
  return {
    title: article.title,
    description: article.summary ?? undefined,
    alternates: { canonical: articleUrl(article.slug), types: feedLinks(settings.siteName || DEFAULT_SITE_NAME) },
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.summary ?? undefined,
      url: articleUrl(article.slug),
      siteName: settings.siteName ?? undefined,
      locale: 'zh_CN',
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      section: article.category?.name,
      authors: article.authors?.map((author) => `${portalUrl()}/authors/${author.slug}`),
      tags: article.tags?.map((tag) => tag.name),
      images: image?.url ? [{ url: image.url, width: image.width ?? undefined, height: image.height ?? undefined, alt: cover!.alt }] : undefined,
    },
  }
}

/** schema.org NewsArticle, with the correction notices the API already shapes as `CorrectionComment`s. */
function newsArticleJsonLd(article: ArticlePage, settings: SiteSettings) {
  const cover = article.coverImage
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary ?? undefined,
    mainEntityOfPage: articleUrl(article.slug),
    url: articleUrl(article.slug),
    inLanguage: 'zh-CN',
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    articleSection: article.category?.name,
    keywords: article.tags?.map((tag) => tag.name).join(',') || undefined,
    image: cover ? [cover.sizes?.hero?.url, cover.sizes?.card?.url, cover.url].filter(Boolean) : undefined,
    author: article.authors?.map((author) => ({ '@type': 'Person', name: author.name, url: `${portalUrl()}/authors/${author.slug}` })),
    publisher: settings.siteName ? { '@type': 'Organization', name: settings.siteName, url: portalUrl() } : undefined,
    correction: article.correctionsJsonLd?.length ? article.correctionsJsonLd : undefined,
  }
}

/** Another article by its title, linked when it has a page (an article whose title gives no slug has none). */
function TeaserLink({ article }: { article: ArticleTeaser }) {
  return article.slug ? <Link href={`/articles/${article.slug}`}>{article.title}</Link> : <span>{article.title}</span>
}

/** `total` counts the approved comments and replies from the lists the page reads anyway. */
type ArticleComments = { page: Paged<Thread>; featured: Thread[]; total: number }

/**
 * The article page as on the reference portal: breadcrumb, time, 来源, title, 字体 control, body,
 * correction notices, 精彩评论, 【纠错】 and 【责任编辑】, 上一篇/下一篇, 相关阅读 and 热门排行, then every
 * approved comment and the comment box. A preview shows the same article without the reader's parts
 * (comments, 纠错) and is not counted as a view.
 */
export function ArticleView({ article, settings, comments, hot = [] }: { article: ArticlePage; settings: SiteSettings; comments?: ArticleComments; hot?: HotArticle[] }) {
  const cover = article.coverImage
  const coverSources = cover && imageSources(cover)
  const corrections = article.corrections ?? []
  const returnPath = `/articles/${article.slug}#comments`
  return (
    <FontSizeProvider>
      <JsonLd data={newsArticleJsonLd(article, settings)} />
      <article className="article">
        <Breadcrumb crumbs={article.category?.breadcrumbs ?? []} current="正文" />
        <header className="article-header">
          <p className="article-meta">
            <time data-testid="article-time" dateTime={shownTime(article)}>
              {shanghaiDateTime(shownTime(article))}
            </time>
            {article.source && <span data-testid="article-source">来源：{article.source}</span>}
            {article.views !== undefined && <span data-testid="article-views">阅读 {readCount(article.views)}</span>}
          </p>
          <h1 data-testid="article-title">{article.title}</h1>
          {article.authors && article.authors.length > 0 && (
            <p className="bylines" data-testid="bylines">
              {article.authors.map((author) => (
                <Link key={author.id} href={`/authors/${author.slug}`}>
                  {author.name}
                  {author.title && <span className="byline-title">（{author.title}）</span>}
                </Link>
              ))}
            </p>
          )}
          <FontSizeControl />
        </header>
        {article.summary && <p className="lead">{article.summary}</p>}
        {cover && coverSources && (
          <figure className="cover">
            <img {...coverSources} sizes="(max-width: 760px) 100vw, 720px" alt={cover.alt} fetchPriority="high" />
            {(cover.caption || cover.credit) && (
              <figcaption>
                {cover.caption}
                {cover.credit && <span className="credit">{cover.credit}</span>}
              </figcaption>
            )}
          </figure>
        )}
        <ArticleBody>{article.body?.root && <RichText root={article.body.root} />}</ArticleBody>
        {article.tags && article.tags.length > 0 && (
          <ul className="tags" aria-label="标签">
            {article.tags.map((tag) => (
              <li key={tag.id}>{tag.name}</li>
            ))}
          </ul>
        )}
        {corrections.length > 0 && (
          <section className="correction-notices" data-testid="correction-notices" aria-labelledby="correction-notices-heading">
            <h2 id="correction-notices-heading">更正与说明</h2>
            <ul>
              {corrections.map((notice) => (
                <li key={notice.id}>
                  <time dateTime={notice.date}>{shanghaiDate(notice.date)}</time>
                  <strong>{CORRECTION_KIND_LABELS[notice.kind]?.zh ?? notice.kind}</strong>
                  <span>{notice.text}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {comments && comments.featured.length > 0 && (
          <section className="featured-comments" data-testid="featured-comments" aria-labelledby="featured-comments-heading">
            <h2 id="featured-comments-heading">精彩评论</h2>
            {comments.featured.map((comment) => (
              <Comment key={comment.id} comment={comment} />
            ))}
          </section>
        )}
        <footer className="article-footer">
          {comments && <CorrectionForm articleId={article.id} bodyId="article-body" returnPath={returnPath} phoneRequired={phoneRequired} />}
          {article.responsibleEditorName && <p data-testid="responsible-editor">【责任编辑:{article.responsibleEditorName}】</p>}
        </footer>
        {(article.previous || article.next) && (
          <nav className="article-neighbours" aria-label="上一篇和下一篇" data-testid="article-neighbours">
            {article.previous && <p>上一篇：<TeaserLink article={article.previous} /></p>}
            {article.next && <p>下一篇：<TeaserLink article={article.next} /></p>}
          </nav>
        )}
        {article.related && article.related.length > 0 && (
          <section className="related" data-testid="related" aria-labelledby="related-heading">
            <h2 id="related-heading">相关阅读</h2>
            <ul>
              {article.related.map((related) => (
                <li key={related.id}>
                  <TeaserLink article={related} />
                  {related.publishedAt && <time dateTime={related.publishedAt}>{shanghaiDate(related.publishedAt)}</time>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
      <HotArticles articles={hot} />
      {comments && <ViewBeacon articleId={article.id} />}
      {comments && (
        <section className="comments" data-testid="comments" id="comments" aria-labelledby="comments-heading">
          <h2 id="comments-heading">全部评论（{comments.total}）</h2>
          {article.allowComments !== false ? <CommentForm articleId={article.id} returnPath={returnPath} phoneRequired={phoneRequired} /> : <p>本文已关闭评论。</p>}
          <OwnHeldComments articleId={article.id} />
          {comments.page.docs.length === 0 ? (
            <p className="empty">还没有评论。</p>
          ) : (
            comments.page.docs.map((comment) => <Comment key={comment.id} comment={comment} />)
          )}
          <Pager label="评论分页" page={comments.page.page} totalPages={comments.page.totalPages} param="commentPage" fragment="#comments" />
        </section>
      )}
    </FontSizeProvider>
  )
}

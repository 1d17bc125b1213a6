import type { ArchiveEntry } from '../../lib/import/archive'
import { IMPORTED_COMMENT } from '../../collections/Comments/hooks/moderateNewComment'
import type { Comment } from '../../payload-types'
import { COMMENTS_SLUG } from '../../slugs'
import { asSystem, type ImportContext } from './context'
import { describeError } from './describeError'

/**
 * Imports an article's comments, each after the one it replies to. A comment already imported onto
 * the article (matched by its original id) is skipped, never rewritten: a moderator may have acted on
 * it since. The commenter is a name only, no reader: nobody can log in as them, and their email is
 * never read. A comment that cannot be written is a warning, never an error: a reply to it stands
 * on its own, and the article's outcome is the article's.
 */
export function commentImporter(context: ImportContext): (entry: ArchiveEntry, articleId: number | null) => Promise<void> {
  const counts = context.report.comments
  return async ({ at, article }, articleId) => {
    if (article.comments.length === 0) return
    let ids = new Map<string, number>()
    try {
      if (articleId !== null) ids = await importedComments(context, articleId)
    } catch (error) {
      // Not knowing which are already there, writing any could duplicate them.
      counts.failed += article.comments.length
      context.report.warnings.push({ at, reason: { code: 'IMPORT_COMMENTS_NOT_WRITTEN', values: { reason: describeError(error) } } })
      return
    }
    for (const comment of article.comments) {
      if (ids.has(comment.originalId)) {
        counts.skipped++
        continue
      }
      if (context.dryRun || articleId === null) {
        counts.created++
        continue
      }
      try {
        const created = await context.payload.create({
          collection: COMMENTS_SLUG,
          data: {
            article: articleId,
            parent: comment.parent === undefined ? undefined : ids.get(comment.parent),
            body: comment.body,
            status: comment.status,
            commenter: { displayName: comment.author || null },
            ip: comment.ip,
            originalId: comment.originalId,
            createdAt: comment.createdAt?.toISOString(),
          },
          context: { [IMPORTED_COMMENT]: true },
          ...asSystem(context),
        })
        ids.set(comment.originalId, created.id)
        counts.created++
      } catch (error) {
        counts.failed++
        context.report.warnings.push({ at, reason: { code: 'IMPORT_COMMENT_NOT_WRITTEN', values: { id: comment.originalId, reason: describeError(error) } } })
      }
    }
  }
}

/** The article's comments brought by earlier imports, by their original id. */
async function importedComments(context: ImportContext, articleId: number): Promise<Map<string, number>> {
  const { docs } = await context.payload.find({
    collection: COMMENTS_SLUG,
    where: { article: { equals: articleId }, originalId: { exists: true } },
    select: { originalId: true },
    pagination: false,
    ...asSystem(context),
  })
  return new Map(docs.map((doc: Pick<Comment, 'id' | 'originalId'>) => [doc.originalId!, doc.id]))
}

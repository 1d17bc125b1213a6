'use client'

import { useEffect } from 'react'

/** Counts this reading of the article, once per page load (`POST /api/articles/:id/view`, docs/api.md). */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const path = `/api/articles/${articleId}/view`
    if (!navigator.sendBeacon?.(path)) void fetch(path, { method: 'POST', keepalive: true }).catch(() => undefined)
  }, [articleId])
  return null
}

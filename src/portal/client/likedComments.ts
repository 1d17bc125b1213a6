import { callApi } from './browserApi'

/** As many as the API answers for at once (MAX_LIKED_IDS). */
const BATCH = 100

let waiting: { id: number; resolve: (liked: boolean) => void }[] = []

/**
 * Whether the logged-in reader likes a comment. The like buttons of a page ask together: those
 * asking in the same tick go out as one `GET /api/comments/liked?ids=…` per hundred. When the answer
 * does not come, a button starts unpressed (a like sent again is counted once).
 */
export function likedByMe(id: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (waiting.length === 0) queueMicrotask(askForWaiting)
    waiting.push({ id, resolve })
  })
}

function askForWaiting(): void {
  const asked = waiting
  waiting = []
  for (let start = 0; start < asked.length; start += BATCH) {
    const batch = asked.slice(start, start + BATCH)
    const ids = [...new Set(batch.map(({ id }) => id))]
    void callApi<{ liked?: number[] }>(`/api/comments/liked?ids=${ids.join(',')}`, 'GET').then((answer) => {
      const liked = new Set(answer.ok ? (answer.data?.liked ?? []) : [])
      for (const { id, resolve } of batch) resolve(liked.has(id))
    })
  }
}

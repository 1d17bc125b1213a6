/**
 * States no access rule: it runs work once the request's transaction has committed.
 */
import type { Payload, PayloadRequest } from 'payload'

type Work = () => Promise<unknown>
type Db = Payload['db']

/** Work waiting on each open transaction, per database adapter. */
const waiting = new WeakMap<Db, Map<string | number, Work[]>>()

/** Wraps the adapter's commit and rollback once: a commit runs its transaction's work, a rollback drops it. */
function queuesOf(db: Db): Map<string | number, Work[]> {
  const known = waiting.get(db)
  if (known) return known
  const queues = new Map<string | number, Work[]>()
  waiting.set(db, queues)
  const commit = db.commitTransaction
  const rollback = db.rollbackTransaction
  db.commitTransaction = async function (this: Db, id) {
    const transactionId = await id
    // Taken out first: a commit that fails drops its work, as a rollback does.
    const work = queues.get(transactionId) ?? []
    queues.delete(transactionId)
    await commit.call(this, transactionId)
    for (const run of work) void run()
  }
  db.rollbackTransaction = async function (this: Db, id) {
    const transactionId = await id
    queues.delete(transactionId)
    await rollback.call(this, transactionId)
  }
  return queues
}

/**
 * Runs `work` after the request's transaction commits, never if it rolls back; at once when the
 * request has none. Not awaited by the request: what `work` does (an email) never holds up or fails
 * the save it follows, and its failure is logged, not thrown.
 */
export async function afterCommit(req: PayloadRequest, what: string, work: Work): Promise<void> {
  const guarded = () =>
    work().catch((error: unknown) => req.payload.logger.error({ err: error, what }, 'work after a commit failed'))
  const transactionId = await req.transactionID
  if (transactionId === undefined || transactionId === null || !(String(transactionId) in (req.payload.db.sessions ?? {}))) {
    void guarded()
    return
  }
  const queues = queuesOf(req.payload.db)
  queues.set(transactionId, [...(queues.get(transactionId) ?? []), guarded])
}

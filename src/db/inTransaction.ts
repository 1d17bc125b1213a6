/**
 * States no access rule: it opens, commits and rolls back transactions; the work inside keeps its own.
 */
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/**
 * Runs `work` in a transaction on `req`: one opened here, committed when `work` succeeds and rolled
 * back when it throws; or, when `req` already carries one, that one, left to its owner to end.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const ownsTransaction = await initTransaction(req)
  try {
    const result = await work()
    if (ownsTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}

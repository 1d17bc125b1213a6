import type { FieldAccess } from 'payload'

import { nobody } from './nobody'

/**
 * A field only the server writes (hooks, jobs and endpoints through the Local API): no API caller
 * sets it on create or update. `read` says who sees it; left out, whoever reads the document does.
 */
export const serverWritten = (read?: FieldAccess) => ({ read, create: nobody, update: nobody })

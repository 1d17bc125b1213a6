import type { CollectionBeforeChangeHook } from 'payload'

import { isReaderUser } from '../../../access/roleChecks'
import { IP_REGION_ENABLED } from '../../../fields/ipRegion'
import { ipRegionFromDatabase } from '../../../lib/comments/ipRegionDatabase'
import { CLIENT_IP_HEADER } from '../../../lib/http/clientIp'
import type { Comment } from '../../../payload-types'

/**
 * A reader's new comment gets the IP属地 of the address it was posted from (the one the server
 * stamped, TRUST_PROXY deciding whether X-Forwarded-For counts). Comments made by server code (the
 * seed, imports) were not posted from an address here and get none.
 */
export const stampIpRegion: CollectionBeforeChangeHook<Comment> = ({ data, operation, req }) => {
  if (operation !== 'create' || !IP_REGION_ENABLED || !isReaderUser(req.user)) return data
  return { ...data, ipRegion: ipRegionFromDatabase(req.headers.get(CLIENT_IP_HEADER)) }
}

import type { TextField } from 'payload'

import { nobody } from '../access/nobody'
import { serverWritten } from '../access/serverWritten'
import { ipRegionEnabledFrom } from '../lib/comments/ipRegion'

/** COMMENT_IP_REGION (on by default): whether comments get and show an IP属地. */
export const IP_REGION_ENABLED = ipRegionEnabledFrom(process.env)

/**
 * IP属地 (湖北, 中国香港, 美国, 未知), stamped by the server when the comment is posted and public
 * like the comment itself, unlike the address it comes from. With COMMENT_IP_REGION=off nobody
 * reads it, so regions stored before the switch are not shown either. Comments from before the
 * feature have none and show none: a region found now could differ from where they were posted.
 */
export const ipRegionField = (): TextField => ({
  name: 'ipRegion',
  type: 'text',
  label: { en: 'IP region', zh: 'IP属地' },
  access: serverWritten(IP_REGION_ENABLED ? undefined : nobody),
  admin: { readOnly: true, position: 'sidebar' },
})

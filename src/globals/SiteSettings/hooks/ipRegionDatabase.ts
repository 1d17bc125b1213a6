import type { FieldHook } from 'payload'

import { IP_REGION_ENABLED } from '../../../fields/ipRegion'
import { ipRegionDatabaseVersion } from '../../../lib/comments/ipRegionDatabase'
import type { SiteSetting } from '../../../payload-types'

/** Which IP database comments' IP属地 come from (refreshed by updating its npm package), or that they are off. */
export const ipRegionDatabaseShown: FieldHook<SiteSetting> = () =>
  IP_REGION_ENABLED ? ipRegionDatabaseVersion() : `${ipRegionDatabaseVersion()} · COMMENT_IP_REGION=off`

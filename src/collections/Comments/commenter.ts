import type { PayloadRequest } from 'payload'

import type { Avatar, Comment, Reader } from '../../payload-types'
import { PROFESSIONS } from '../../lib/accounts/readers'
import { AVATARS_SLUG } from '../../slugs'

export type Commenter = NonNullable<Comment['commenter']>

/** What the public may know of a commenter: the name, the avatar, and a profession only once verified. */
export async function commenterOf(reader: Reader | null | undefined, req: PayloadRequest): Promise<Commenter> {
  if (!reader) return { displayName: null, avatarUrl: null, profession: null, professionLabel: null }
  const verified = reader.professionVerified && reader.profession ? reader.profession : null
  return {
    displayName: reader.displayName,
    avatarUrl: await avatarUrl(reader.avatar, req),
    profession: verified,
    professionLabel: verified ? PROFESSIONS[verified].zh : null,
  }
}

async function avatarUrl(avatar: Reader['avatar'], req: PayloadRequest): Promise<string | null> {
  if (!avatar) return null
  const doc: Avatar | null =
    typeof avatar === 'object'
      ? avatar
      : await req.payload.findByID({ collection: AVATARS_SLUG, id: avatar, depth: 0, disableErrors: true, overrideAccess: true, req })
  return doc?.sizes?.small?.url ?? doc?.url ?? null
}

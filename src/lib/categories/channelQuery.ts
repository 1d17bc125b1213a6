/**
 * The channel query (docs/api.md): articles whose channel has the given one among its breadcrumbs,
 * i.e. that channel and every channel under it.
 */
export const CHANNEL_QUERY_PATH = 'category.breadcrumbs.slug'

type Where = { [key: string]: unknown }

const isCombination = (key: string) => key === 'and' || key === 'or' || key === 'AND' || key === 'OR'

/** A condition that is just `equals` a slug, the channel query as documented; anything else is left to Payload. */
function channelSlugOf(condition: unknown): string | null {
  if (typeof condition !== 'object' || condition === null) return null
  const operators = Object.entries(condition)
  if (operators.length !== 1) return null
  const [[operator, value]] = operators
  return operator === 'equals' && typeof value === 'string' ? value : null
}

/** The channel slugs a `where` asks for by the channel query, at any depth of its `and` and `or`. */
export function channelSlugsIn(where: unknown): string[] {
  if (typeof where !== 'object' || where === null) return []
  return Object.entries(where).flatMap(([key, value]) => {
    if (isCombination(key) && Array.isArray(value)) return value.flatMap(channelSlugsIn)
    const slug = key === CHANNEL_QUERY_PATH ? channelSlugOf(value) : null
    return slug === null ? [] : [slug]
  })
}

/**
 * The same `where` with each channel query turned into the ids of the channels it means
 * (`category` equal to one of them): PostgreSQL then reads the articles' own column, with its statistics,
 * instead of joining every article to its channel's breadcrumbs and removing the repeats.
 */
export function channelQueriesAsIds(where: Where, channelIds: ReadonlyMap<string, readonly number[]>): Where {
  let slug: string | null = null
  const rest: Where = {}
  for (const [key, value] of Object.entries(where)) {
    const asked = key === CHANNEL_QUERY_PATH ? channelSlugOf(value) : null
    if (asked !== null) slug = asked
    else if (isCombination(key) && Array.isArray(value)) rest[key] = value.map((part) => (typeof part === 'object' && part !== null ? channelQueriesAsIds(part as Where, channelIds) : part))
    else rest[key] = value
  }
  if (slug === null) return rest
  // Beside the rest rather than in it: the rest may have a condition on `category` of its own.
  const inChannel = anyOf(channelIds.get(slug) ?? [])
  return Object.keys(rest).length === 0 ? inChannel : { and: [rest, inChannel] }
}

/**
 * One of the channels, as equalities: Payload sends each id of an `in` twice (as a number and as
 * text, both cast to numbers), and PostgreSQL, adding up the repeats, then expects twice the articles.
 */
function anyOf(ids: readonly number[]): Where {
  if (ids.length === 0) return { category: { in: [] } }
  if (ids.length === 1) return { category: { equals: ids[0] } }
  return { or: ids.map((id) => ({ category: { equals: id } })) }
}

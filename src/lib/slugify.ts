import { customPinyin, pinyin } from 'pinyin-pro'

/**
 * Finance words whose polyphonic characters pinyin-pro reads the everyday way (央行 as yang xing,
 * 重组 as zhong zu): a slug read aloud should sound like the word.
 */
customPinyin({
  央行: 'yāng háng',
  投行: 'tóu háng',
  分行: 'fēn háng',
  行号: 'háng hào',
  重组: 'chóng zǔ',
  重启: 'chóng qǐ',
  还款: 'huán kuǎn',
  还贷: 'huán dài',
  偿还: 'cháng huán',
})

/** Longest slug we produce: long Chinese headlines turn into very long pinyin. */
export const MAX_SLUG_LENGTH = 80

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Turns a title in any mix of Chinese, Latin letters and digits into a readable URL-safe slug:
 * Chinese becomes toneless pinyin, one syllable per word part (`央行降准` → `yang-hang-jiang-zhun`),
 * anything that is not a letter or digit becomes a single hyphen.
 */
export function slugify(title: string): string {
  const syllables = pinyin(title.normalize('NFKC'), {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
  })
  const slug = syllables
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return trimToLength(slug, MAX_SLUG_LENGTH)
}

/** Cuts at a hyphen so no syllable is left half-written. */
function trimToLength(slug: string, max: number): string {
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max + 1)
  const lastHyphen = cut.lastIndexOf('-')
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-+$/, '')
}

export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug)
}

/** `base`, then `base-2`, `base-3`… : the first candidate that `isTaken` says is free. */
export async function firstFreeSlug(
  base: string,
  isTaken: (candidate: string) => Promise<boolean>,
): Promise<string> {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`
    const candidate = `${trimToLength(base, MAX_SLUG_LENGTH - suffix.length)}${suffix}`
    if (!(await isTaken(candidate))) return candidate
  }
}

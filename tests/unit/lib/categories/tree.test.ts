import { type AncestorNode, channelTitle, MAX_CATEGORY_DEPTH, pathFromRoot } from '../../../../src/lib/categories/tree'
import { translate } from '../../../../src/lib/i18n/translate'

const node = (id: number, parent: number | null, name = `频道${id}`): AncestorNode => ({ id, name, slug: `pin-dao-${id}`, parent })

describe('pathFromRoot', () => {
  it('gives a root (no parent) an empty path, whatever was walked', () => {
    expect(pathFromRoot(null, null, [])).toEqual({ ok: true, ancestors: [] })
    expect(pathFromRoot(7, null, [])).toEqual({ ok: true, ancestors: [] })
  })

  it('lists the ancestors root first', () => {
    // 行业资讯(1) > 网贷(2) > new child: walked up from 2, nearest first
    const walked = [node(2, 1, '网贷'), node(1, null, '行业资讯')]
    const result = pathFromRoot(null, 2, walked)
    expect(result).toEqual({ ok: true, ancestors: [node(1, null, '行业资讯'), node(2, 1, '网贷')] })
  })

  it('does not reorder the array it was given', () => {
    const walked = [node(3, 2), node(2, 1), node(1, null)]
    pathFromRoot(9, 3, walked)
    expect(walked.map((n) => n.id)).toEqual([3, 2, 1])
  })

  it('accepts a direct child of a root', () => {
    expect(pathFromRoot(5, 1, [node(1, null)])).toEqual({ ok: true, ancestors: [node(1, null)] })
  })

  it('refuses a channel as its own parent', () => {
    const result = pathFromRoot(4, 4, [node(4, null)])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(translate(result.message, 'en')).toMatch(/own parent/)
  })

  it('refuses a parent that does not exist, naming its id', () => {
    const missing = pathFromRoot(null, 999, [])
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(translate(missing.message, 'zh')).toBe('上级频道 999 不存在')
  })

  it('refuses when the walk did not start at the chosen parent', () => {
    const result = pathFromRoot(null, 5, [node(6, null)])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(translate(result.message, 'zh')).toContain('5')
  })

  it('refuses moving a channel below its own descendant (a cycle)', () => {
    // 1 > 2 > 3; moving 1 under 3: walking up from 3 meets 1 again
    const result = pathFromRoot(1, 3, [node(3, 2), node(2, 1), node(1, null)])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(translate(result.message, 'en')).toMatch(/descendant/)
  })

  it('refuses moving a channel below its direct child', () => {
    const result = pathFromRoot(1, 2, [node(2, 1), node(1, null)])
    expect(result.ok).toBe(false)
  })

  it('refuses a parent chain that loops without reaching a root', () => {
    // 2 and 3 point at each other (bad data); the walk stops where it would repeat
    const result = pathFromRoot(null, 2, [node(2, 3), node(3, 2)])
    expect(result.ok).toBe(false)
  })

  it(`allows ${MAX_CATEGORY_DEPTH} levels and refuses a ${MAX_CATEGORY_DEPTH + 1}th`, () => {
    expect(MAX_CATEGORY_DEPTH).toBe(5)
    const fourAncestors = [node(4, 3), node(3, 2), node(2, 1), node(1, null)]
    const deepest = pathFromRoot(null, 4, fourAncestors)
    expect(deepest.ok).toBe(true)
    if (deepest.ok) expect(deepest.ancestors.map((n) => n.id)).toEqual([1, 2, 3, 4])

    const fiveAncestors = [node(5, 4), ...fourAncestors]
    const tooDeep = pathFromRoot(null, 5, fiveAncestors)
    expect(tooDeep.ok).toBe(false)
    if (!tooDeep.ok) expect(translate(tooDeep.message, 'en')).toContain(String(MAX_CATEGORY_DEPTH))
  })

  it('refuses a walk that stopped before reaching a root (the chain is deeper than was walked)', () => {
    const result = pathFromRoot(null, 3, [node(3, 2), node(2, 1)])
    expect(result.ok).toBe(false)
  })
})

describe('channelTitle', () => {
  it('names a channel by its path from the root', () => {
    expect(channelTitle(['财经'])).toBe('财经')
    expect(channelTitle(['财经', '宏观', '货币政策'])).toBe('财经 > 宏观 > 货币政策')
  })
})

import { refusalText } from '../../../../src/lib/api/refusalText'

describe('refusalText', () => {
  it("prefers a field's message to the error's top line", () => {
    const answer = { errors: [{ message: '下面的字段是无效的： 备注', data: { code: 'REVIEW_NOTE_REQUIRED', errors: [{ path: 'note', message: '退回修改时请写明需要修改的地方' }] } }] }
    expect(refusalText(answer)).toBe('退回修改时请写明需要修改的地方')
  })

  it("gives the error's own message when no field is named, and null when there is none", () => {
    expect(refusalText({ errors: [{ message: '找不到这篇文章', data: { code: 'ARTICLE_NOT_FOUND' } }] })).toBe('找不到这篇文章')
    for (const none of [null, undefined, 'text', {}, { errors: [] }, { errors: [{ message: '' }] }, { errors: [{ message: 42 }] }]) expect(refusalText(none)).toBeNull()
  })
})

import { geoOperatorProblems } from '../../src/lib/geoOperators'

describe('geoOperatorProblems', () => {
  it('names every where parameter with near, within or intersects, however deep', () => {
    expect(geoOperatorProblems({ 'where[category][near]': '1,2,3', 'where[or][0][slug][within][]': 'x', limit: '1' })).toEqual([
      { path: 'where[category][near]', message: 'The near operator works only on geographic (point) fields, and there are none' },
      { path: 'where[or][0][slug][within][]', message: 'The within operator works only on geographic (point) fields, and there are none' },
    ])
    expect(geoOperatorProblems({ 'where[title][intersects][0]': 'x' })).toHaveLength(1)
  })

  it('leaves other operators, and the words as values or field names, alone', () => {
    expect(geoOperatorProblems({ 'where[title][equals]': 'near', 'where[near][equals]': 'x', 'where[title][like]': 'within', sort: 'near' })).toEqual([])
  })
})

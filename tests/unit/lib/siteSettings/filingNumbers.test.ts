import {
  checkIcpNumber,
  checkNewsLicenceNumber,
  checkPublicSecurityNumber,
  ICP_LOOKUP_URL,
  PROVINCE_DIVISION_CODES,
  publicSecurityLookupUrl,
} from '../../../../src/lib/siteSettings/filingNumbers'
import { translate } from '../../../../src/lib/i18n/translate'

describe('checkIcpNumber', () => {
  it.each([
    ['鄂ICP备14010628号-2'],
    ['京ICP证030173号'],
    ['黔ICP备2026001073号-1'],
    ['沪ICP备123456号'], // 6 digits, the shortest
    ['粤ICP备1234567890号'], // 10 digits, the longest
    ['蜀ICP备12345678号-123'], // alternative abbreviation, 3-digit site number
  ])('accepts %s unchanged', (input) => {
    expect(checkIcpNumber(input)).toEqual({ ok: true, value: input })
  })

  it('accepts every province abbreviation the domain lists', () => {
    const listed = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新'
    expect(Object.keys(PROVINCE_DIVISION_CODES).sort().join('')).toBe([...listed].sort().join(''))
    for (const province of listed) expect(checkIcpNumber(`${province}ICP备14010628号`).ok).toBe(true)
  })

  it('normalises full-width digits, letters and hyphen typed with a Chinese IME, and trims', () => {
    expect(checkIcpNumber('鄂ICP备１４０１０６２８号－２')).toEqual({ ok: true, value: '鄂ICP备14010628号-2' })
    expect(checkIcpNumber('京ＩＣＰ证０３０１７３号')).toEqual({ ok: true, value: '京ICP证030173号' })
    expect(checkIcpNumber('  鄂ICP备14010628号-2 \n')).toEqual({ ok: true, value: '鄂ICP备14010628号-2' })
  })

  it.each([
    ['港ICP备14010628号', 'not a mainland province abbreviation'],
    ['ICP备14010628号', 'no province'],
    ['鄂ICP备12345号', '5 digits'],
    ['鄂ICP备12345678901号', '11 digits'],
    ['鄂ICP备14010628', 'missing 号'],
    ['鄂ICP备14010628-2', 'missing 号 before the site number'],
    ['鄂ICP14010628号', 'ICP without 备 or 证'],
    ['鄂icp备14010628号', 'lower-case icp'],
    ['鄂ICP备14010628号-', 'dangling hyphen'],
    ['鄂ICP备14010628号-1234', 'site number of 4 digits'],
    ['鄂ICP备14010628号-a', 'site number not a number'],
    ['鄂ICP备1401a628号', 'letter among the digits'],
    ['鄂ICP备14010628号-2 京ICP证030173号', 'two numbers'],
    ['', 'empty'],
  ])('refuses %s (%s) with a reason that shows an example', (input) => {
    const result = checkIcpNumber(input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(translate(result.message, 'zh')).toContain('ICP')
      expect(translate(result.message, 'zh')).toContain('鄂ICP备14010628号-2') // shows an example
    }
  })

  it('links to the MIIT lookup page', () => {
    expect(ICP_LOOKUP_URL).toBe('https://beian.miit.gov.cn/')
  })
})

describe('checkPublicSecurityNumber', () => {
  it('accepts the canonical form unchanged', () => {
    expect(checkPublicSecurityNumber('京公网安备 11010202008182号')).toEqual({ ok: true, value: '京公网安备 11010202008182号' })
  })

  it('puts exactly one space before the digits when there is none', () => {
    expect(checkPublicSecurityNumber('京公网安备11010202008182号')).toEqual({ ok: true, value: '京公网安备 11010202008182号' })
  })

  it('normalises full-width digits and a full-width space, and trims', () => {
    expect(checkPublicSecurityNumber('京公网安备　１１０１０２０２００８１８２号')).toEqual({ ok: true, value: '京公网安备 11010202008182号' })
    expect(checkPublicSecurityNumber(' 沪公网安备31010402001234号 ')).toEqual({ ok: true, value: '沪公网安备 31010402001234号' })
  })

  it('accepts both abbreviations of a province with the same division code', () => {
    expect(checkPublicSecurityNumber('川公网安备 51010402000001号').ok).toBe(true)
    expect(checkPublicSecurityNumber('蜀公网安备 51010402000001号').ok).toBe(true)
    expect(checkPublicSecurityNumber('黔公网安备 52010202000001号').ok).toBe(true)
    expect(checkPublicSecurityNumber('鄂公网安备 42010602000123号').ok).toBe(true)
  })

  it.each([
    ['京公网安备 1101020200818号', '13 digits'],
    ['京公网安备 110102020081822号', '15 digits'],
    ['京公网安备 11010202008182', 'missing 号'],
    ['港公网安备 81010202008182号', 'not a mainland province'],
    ['公网安备 11010202008182号', 'no province'],
    ['京公安备 11010202008182号', 'wrong word'],
    ['京ICP备14010628号', 'an ICP number'],
    ['京公网安备 1101020200818a号', 'letter among the digits'],
  ])('refuses %s (%s)', (input) => {
    const result = checkPublicSecurityNumber(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(translate(result.message, 'zh')).toContain('公网安备')
  })

  it('refuses digits that do not start with the province division code, naming the expected code', () => {
    const result = checkPublicSecurityNumber('沪公网安备 11010202008182号')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(translate(result.message, 'zh')).toContain('31')
      expect(translate(result.message, 'zh')).toContain('沪')
    }
    const hubei = checkPublicSecurityNumber('鄂公网安备 11010202008182号')
    expect(hubei.ok).toBe(false)
    if (!hubei.ok) expect(translate(hubei.message, 'zh')).toContain('42')
  })
})

describe('publicSecurityLookupUrl', () => {
  it('links to the MPS lookup page with the 14 digits', () => {
    expect(publicSecurityLookupUrl('京公网安备 11010202008182号')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=11010202008182')
    expect(publicSecurityLookupUrl('京公网安备11010202008182号')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=11010202008182')
    expect(publicSecurityLookupUrl('京公网安备 １１０１０２０２００８１８２号')).toBe(
      'https://beian.mps.gov.cn/#/query/webSearch?code=11010202008182',
    )
  })

  it('is null for an invalid or mismatched number', () => {
    expect(publicSecurityLookupUrl('京公网安备 1101020200818号')).toBeNull()
    expect(publicSecurityLookupUrl('沪公网安备 11010202008182号')).toBeNull()
    expect(publicSecurityLookupUrl('')).toBeNull()
  })
})

describe('checkNewsLicenceNumber', () => {
  it('accepts 11 digits', () => {
    expect(checkNewsLicenceNumber('10120190017')).toEqual({ ok: true, value: '10120190017' })
  })

  it('normalises full-width digits and trims', () => {
    expect(checkNewsLicenceNumber('１０１２０１９００１７')).toEqual({ ok: true, value: '10120190017' })
    expect(checkNewsLicenceNumber(' 10120190017 ')).toEqual({ ok: true, value: '10120190017' })
  })

  it.each([['1012019001'], ['101201900170'], ['1012019001a'], ['101-20190017'], ['']])('refuses %s', (input) => {
    const result = checkNewsLicenceNumber(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(translate(result.message, 'zh')).toContain('11')
  })
})

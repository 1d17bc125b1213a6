import type { Message } from '../i18n/translate'

/**
 * Chinese website filing numbers shown in a portal's footer, with the links regulators require.
 * Formats: ../shared/DOMAIN.md, "Filing numbers in the footer".
 */

/** Province abbreviation → the two-digit administrative division code that starts a 公安备案 number. */
export const PROVINCE_DIVISION_CODES: Readonly<Record<string, string>> = {
  京: '11', 津: '12', 冀: '13', 晋: '14', 蒙: '15', 辽: '21', 吉: '22', 黑: '23', 沪: '31', 苏: '32',
  浙: '33', 皖: '34', 闽: '35', 赣: '36', 鲁: '37', 豫: '41', 鄂: '42', 湘: '43', 粤: '44', 桂: '45',
  琼: '46', 渝: '50', 川: '51', 蜀: '51', 贵: '52', 黔: '52', 云: '53', 滇: '53', 藏: '54', 陕: '61',
  秦: '61', 甘: '62', 陇: '62', 青: '63', 宁: '64', 新: '65',
}

const PROVINCES = Object.keys(PROVINCE_DIVISION_CODES).join('')

const ICP_PATTERN = new RegExp(`^([${PROVINCES}])ICP(备|证)(\\d{6,10})号(?:-(\\d{1,3}))?$`)
const PUBLIC_SECURITY_PATTERN = new RegExp(`^([${PROVINCES}])公网安备 ?(\\d{14})号$`)
const NEWS_LICENCE_PATTERN = /^\d{11}$/

export const ICP_LOOKUP_URL = 'https://beian.miit.gov.cn/'

export type FilingCheck = { ok: true; value: string } | { ok: false; message: Message }

/** Full-width digits and letters (common when numbers are typed with a Chinese IME) become ASCII. */
function normalise(input: string): string {
  return input.normalize('NFKC').trim()
}

/** `鄂ICP备14010628号-2`, `京ICP证030173号`. */
export function checkIcpNumber(input: string): FilingCheck {
  const value = normalise(input)
  if (ICP_PATTERN.test(value)) return { ok: true, value }
  return { ok: false, message: { code: 'ICP_NUMBER_FORMAT', values: { kind: 'ICP备/ICP证', suffix: '号', example: '鄂ICP备14010628号-2' } } }
}

/** `京公网安备 11010202008182号`: the 14 digits start with the province's division code. */
export function checkPublicSecurityNumber(input: string): FilingCheck {
  const value = normalise(input)
  const match = PUBLIC_SECURITY_PATTERN.exec(value)
  if (!match) {
    return { ok: false, message: { code: 'PUBLIC_SECURITY_NUMBER_FORMAT', values: { kind: '公网安备', suffix: '号', example: '京公网安备 11010202008182号' } } }
  }
  const [, province, digits] = match
  const expectedCode = PROVINCE_DIVISION_CODES[province]
  if (!digits.startsWith(expectedCode)) {
    return { ok: false, message: { code: 'PUBLIC_SECURITY_NUMBER_PROVINCE', values: { province, code: expectedCode } } }
  }
  return { ok: true, value: `${province}公网安备 ${digits}号` }
}

/** 互联网新闻信息服务许可证: 11 digits. */
export function checkNewsLicenceNumber(input: string): FilingCheck {
  const value = normalise(input)
  if (NEWS_LICENCE_PATTERN.test(value)) return { ok: true, value }
  return { ok: false, message: { code: 'NEWS_LICENCE_NUMBER_FORMAT' } }
}

/** The MPS lookup page for a 公安备案 number, or null when the number is not valid. */
export function publicSecurityLookupUrl(input: string): string | null {
  const check = checkPublicSecurityNumber(input)
  if (!check.ok) return null
  const digits = /\d{14}/.exec(check.value)![0]
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}`
}

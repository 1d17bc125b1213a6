import { isIP } from 'node:net'

import { isPrivateAddress } from '../net/publicAddresses'

/**
 * IP属地 as 互联网用户账号信息管理规定 (2022) 第十二条 asks for it: the province (自治区, 直辖市) for an
 * address in mainland China, the country (or region) for one abroad. Hong Kong, Macao and Taiwan
 * are written as the big portals (Weibo, WeChat, Douyin, Zhihu) show them under that rule: 中国香港,
 * 中国澳门, 中国台湾. A mainland address whose province the database does not know shows 中国: it is
 * known to be domestic, and a province would be a guess.
 */
export const UNKNOWN_REGION = '未知'

/** What an offline IP database says of an address, in its own words. */
export type IpRecord = {
  /** ISO 3166-1 alpha-2, upper case; empty for reserved ranges and the database's own notes. */
  countryCode: string
  countryName: string
  /** The province for a Chinese address (广东, 广西壮族自治区…), a state or nothing abroad. */
  regionName: string
}

/** The 31 provincial-level divisions of the mainland, in the short form IP属地 shows. */
const MAINLAND_PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
] as const

const SPECIAL_REGIONS: Record<string, string> = { HK: '中国香港', MO: '中国澳门', TW: '中国台湾' }
const SPECIAL_REGION_NAMES: Record<string, string> = { 香港: 'HK', 澳门: 'MO', 澳門: 'MO', 台湾: 'TW', 台灣: 'TW' }

/** `湖北省`, `广西壮族自治区`, `北京市` or already `湖北` → `湖北`; anything else → null. */
export function mainlandProvince(regionName: string): string | null {
  const name = regionName.trim()
  return MAINLAND_PROVINCES.find((province) => name.startsWith(province)) ?? null
}

/** The IP属地 a database record names. */
export function regionOfRecord(record: IpRecord): string {
  const code = record.countryCode.trim().toUpperCase()
  const regionName = record.regionName.trim()
  // Some databases file Hong Kong, Macao and Taiwan under CN with the region as their province.
  const special = SPECIAL_REGIONS[code] ?? SPECIAL_REGIONS[SPECIAL_REGION_NAMES[regionName.replace(/(特别行政区|省)$/, '')] ?? '']
  if (special) return special
  if (code === 'CN') return mainlandProvince(regionName) ?? '中国'
  const country = record.countryName.trim()
  return /^[A-Z]{2}$/.test(code) && country ? country : UNKNOWN_REGION
}

/**
 * A client address as proxies and sockets write it, made plain for the database: brackets and an
 * IPv6 zone dropped, an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, what a dual-stack socket
 * reports) as its IPv4 address. Null when it is no address at all.
 */
export function plainAddress(address: string): string | null {
  const bare = address.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare)
  const plain = mapped ? mapped[1] : bare
  return isIP(plain) === 0 ? null : plain
}

/**
 * The IP属地 of a client address: 未知 for no address, a private, loopback or reserved one (the
 * database would name the range, not a place), or one the database does not place.
 */
export function ipRegionOf(address: string | null | undefined, lookup: (address: string) => IpRecord | null): string {
  const plain = address ? plainAddress(address) : null
  if (plain === null || isPrivateAddress(plain)) return UNKNOWN_REGION
  const record = lookup(plain)
  return record ? regionOfRecord(record) : UNKNOWN_REGION
}

/**
 * COMMENT_IP_REGION: `on` (the default: a portal in mainland China must show it) or `off` for a
 * portal outside it, which then neither stores nor shows a region. Anything else stops the start:
 * a mistyped `off` must not quietly keep publishing readers' provinces.
 */
export function ipRegionEnabledFrom(env: Record<string, string | undefined>): boolean {
  const raw = env.COMMENT_IP_REGION?.trim().toLowerCase()
  if (!raw || raw === 'on') return true
  if (raw === 'off') return false
  throw new Error(`COMMENT_IP_REGION must be "on" or "off", not "${env.COMMENT_IP_REGION}"`)
}

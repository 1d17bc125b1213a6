import { ipRegionEnabledFrom, ipRegionOf, mainlandProvince, plainAddress, regionOfRecord, UNKNOWN_REGION, type IpRecord } from '../../../../src/lib/comments/ipRegion'
import { ipRegionDatabaseVersion, ipRegionFromDatabase } from '../../../../src/lib/comments/ipRegionDatabase'

const cn = (regionName: string): IpRecord => ({ countryCode: 'CN', countryName: '中国', regionName })

describe('regionOfRecord', () => {
  it('names a mainland address by its province, without 省, 市 or 自治区', () => {
    expect(regionOfRecord(cn('湖北省'))).toBe('湖北')
    expect(regionOfRecord(cn('北京市'))).toBe('北京')
    expect(regionOfRecord(cn('湖北'))).toBe('湖北')
    expect(regionOfRecord(cn('广西壮族自治区'))).toBe('广西')
    expect(regionOfRecord(cn('内蒙古自治区'))).toBe('内蒙古')
    expect(regionOfRecord(cn('新疆维吾尔自治区'))).toBe('新疆')
    expect(regionOfRecord(cn('宁夏回族自治区'))).toBe('宁夏')
    expect(regionOfRecord(cn('西藏自治区'))).toBe('西藏')
    expect(regionOfRecord(cn('黑龙江省'))).toBe('黑龙江')
    expect(regionOfRecord(cn('陕西'))).toBe('陕西')
    expect(regionOfRecord(cn('山西'))).toBe('山西')
  })

  it('says 中国 for a mainland address whose province is unknown or not a province', () => {
    expect(regionOfRecord(cn(''))).toBe('中国')
    expect(regionOfRecord(cn('华东'))).toBe('中国')
  })

  it('writes Hong Kong, Macao and Taiwan as 中国香港, 中国澳门, 中国台湾, however the database files them', () => {
    expect(regionOfRecord({ countryCode: 'HK', countryName: '中国', regionName: '香港' })).toBe('中国香港')
    expect(regionOfRecord({ countryCode: 'MO', countryName: '澳门', regionName: '' })).toBe('中国澳门')
    expect(regionOfRecord({ countryCode: 'TW', countryName: '中国', regionName: '台湾省' })).toBe('中国台湾')
    expect(regionOfRecord(cn('香港特别行政区'))).toBe('中国香港')
    expect(regionOfRecord(cn('台湾'))).toBe('中国台湾')
  })

  it('names a foreign address by its country', () => {
    expect(regionOfRecord({ countryCode: 'US', countryName: '美国', regionName: '加利福尼亚州' })).toBe('美国')
    expect(regionOfRecord({ countryCode: 'jp', countryName: '日本', regionName: '' })).toBe('日本')
  })

  it('says 未知 for a record that names no country (reserved ranges, the database\'s own notes)', () => {
    expect(regionOfRecord({ countryCode: '', countryName: 'IANA', regionName: '' })).toBe(UNKNOWN_REGION)
    expect(regionOfRecord({ countryCode: '', countryName: '保留地址', regionName: '' })).toBe(UNKNOWN_REGION)
    expect(regionOfRecord({ countryCode: 'US', countryName: '', regionName: '' })).toBe(UNKNOWN_REGION)
  })
})

describe('mainlandProvince', () => {
  it('is null for anything but one of the 31 provinces', () => {
    expect(mainlandProvince('香港')).toBeNull()
    expect(mainlandProvince('California')).toBeNull()
    expect(mainlandProvince(' 重庆市 ')).toBe('重庆')
  })
})

describe('plainAddress', () => {
  it('unwraps what sockets and proxies write', () => {
    expect(plainAddress('::ffff:58.19.0.1')).toBe('58.19.0.1')
    expect(plainAddress('[2400:da00::6666]')).toBe('2400:da00::6666')
    expect(plainAddress('fe80::1%eth0')).toBe('fe80::1')
    expect(plainAddress(' 8.8.8.8 ')).toBe('8.8.8.8')
  })

  it('is null for what is no address', () => {
    for (const garbage of ['', 'garbage', '1.2.3', '256.1.1.1', '1.2.3.4.5', '::g', '<script>', '58.19.0.1, 8.8.8.8']) expect(plainAddress(garbage)).toBeNull()
  })
})

describe('ipRegionOf', () => {
  const looked: string[] = []
  const lookup = (address: string) => {
    looked.push(address)
    return cn('湖北省')
  }

  it('never asks the database about a private, loopback, reserved or malformed address', () => {
    for (const address of [null, undefined, '', 'garbage', '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', '169.254.169.254', '0.0.0.0', '::1', '::', 'fe80::1', 'fc00::1', '::ffff:127.0.0.1', '2001:db8::1']) {
      expect(ipRegionOf(address, lookup)).toBe(UNKNOWN_REGION)
    }
    expect(looked).toEqual([])
  })

  it('asks about a public address in its plain form, and says 未知 when the database does not know it', () => {
    expect(ipRegionOf('::ffff:58.19.0.1', lookup)).toBe('湖北')
    expect(looked).toEqual(['58.19.0.1'])
    expect(ipRegionOf('58.19.0.1', () => null)).toBe(UNKNOWN_REGION)
  })
})

describe('the shipped database', () => {
  // Long-standing allocations, so a refresh of the data does not move them.
  it.each([
    ['58.19.0.1', '湖北'],
    ['202.96.128.86', '广东'],
    ['1.180.0.1', '内蒙古'],
    ['222.177.0.1', '重庆'],
    ['203.198.0.1', '中国香港'],
    ['202.175.3.3', '中国澳门'],
    ['61.56.0.1', '中国台湾'],
    ['8.8.8.8', '美国'],
    ['133.242.0.1', '日本'],
    ['2400:da00::6666', '北京'],
    ['2001:da8::1', '北京'],
    ['2001:4860:4860::8888', '美国'],
    ['::ffff:58.19.0.1', '湖北'],
    ['127.0.0.1', UNKNOWN_REGION],
    ['192.168.1.1', UNKNOWN_REGION],
    ['::1', UNKNOWN_REGION],
    ['not-an-address', UNKNOWN_REGION],
  ])('places %s in %s', (address, region) => {
    expect(ipRegionFromDatabase(address)).toBe(region)
  })

  it('names its data and version', () => {
    expect(ipRegionDatabaseVersion()).toMatch(/^qqwry\.ipdb \d{4}\.\d{1,2}\.\d{1,2}$/)
  })
})

describe('ipRegionEnabledFrom', () => {
  it('is on unless COMMENT_IP_REGION says off; anything else stops the start', () => {
    expect(ipRegionEnabledFrom({})).toBe(true)
    expect(ipRegionEnabledFrom({ COMMENT_IP_REGION: 'on' })).toBe(true)
    expect(ipRegionEnabledFrom({ COMMENT_IP_REGION: ' OFF ' })).toBe(false)
    for (const raw of ['0', 'false', 'no', 'of']) expect(() => ipRegionEnabledFrom({ COMMENT_IP_REGION: raw })).toThrow(/COMMENT_IP_REGION/)
  })
})

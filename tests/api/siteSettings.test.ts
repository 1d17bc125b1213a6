import { createStaff, invalidPaths, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

const PATH = '/api/globals/site-settings'

const shanghaiYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))

const VALID = {
  siteName: '楚天财经网',
  copyrightHolder: '楚天财经网络有限公司',
  copyrightStartYear: 2000,
  copyrightEndYear: null,
  icpNumber: '鄂ICP备14010628号-2',
  publicSecurityNumber: '鄂公网安备 42010602000123号',
  newsLicenceNumber: '10120190017',
  newsLicenceHolder: '楚天财经网络有限公司',
  newsLicenceCategory: '互联网新闻信息转载服务',
  contactEmail: 'jiucuo@example.cn',
}

/** The stored fields only (what a failed save must leave untouched). */
const storedFields = (body: Record<string, unknown>) => {
  const { updatedAt: _u, createdAt: _c, ...rest } = body
  return rest
}

describe('site settings (footer)', () => {
  let server: TestServer
  let staff: Staff

  beforeAll(async () => {
    server = await startServer()
    staff = await createStaff(server)
  })
  afterAll(() => server?.stop())

  const save = (data: Record<string, unknown>, api = staff['editor-in-chief']) => api.post(PATH, data)
  const read = async () => {
    const res = await staff.anonymous.get(PATH)
    expect(res.status).toBe(200)
    return res.body
  }

  /** Saves the valid settings, then expects `data` to be refused naming `path`, with nothing changed. */
  async function expectRefused(data: Record<string, unknown>, path: string, reasonContains?: string) {
    expect((await save(VALID)).status).toBe(200)
    const before = storedFields(await read())
    const res = await save({ ...VALID, ...data })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual([path])
    if (reasonContains) {
      const messages = res.body.errors.flatMap((e: any) => e.data.errors.map((d: any) => d.message)).join(' ')
      expect(messages).toContain(reasonContains)
    }
    expect(storedFields(await read())).toEqual(before)
    return res
  }

  it('shows the current year and no filing links before anything is saved', async () => {
    const settings = await read()
    expect(settings.icpUrl ?? null).toBeNull()
    expect(settings.publicSecurityUrl ?? null).toBeNull()
    expect(settings.copyrightEndYearShown).toBe(shanghaiYear())
    expect(settings.copyrightNotice).toBe(`Copyright © ${shanghaiYear()} All Rights Reserved.`)
  })

  it('lets the editor-in-chief save valid numbers, and shows the derived footer to anonymous readers', async () => {
    const res = await save(VALID)
    expect(res.status).toBe(200)

    const year = shanghaiYear()
    const settings = await read()
    expect(settings).toMatchObject({
      siteName: '楚天财经网',
      icpNumber: '鄂ICP备14010628号-2',
      icpUrl: 'https://beian.miit.gov.cn/',
      publicSecurityNumber: '鄂公网安备 42010602000123号',
      publicSecurityUrl: 'https://beian.mps.gov.cn/#/query/webSearch?code=42010602000123',
      newsLicenceNumber: '10120190017',
      copyrightStartYear: 2000,
      copyrightEndYear: null,
      copyrightEndYearShown: year,
      copyrightNotice: `Copyright © 2000 - ${year} 楚天财经网络有限公司 All Rights Reserved.`,
    })
  })

  it('lets admins save too, but not editors, reporters, moderators or anonymous readers', async () => {
    expect((await save({ ...VALID, siteName: '楚天财经' }, staff.admin)).status).toBe(200)
    for (const api of [staff.editor, staff.reporter, staff.moderator, staff.anonymous]) {
      const res = await save({ ...VALID, siteName: '篡改' }, api)
      expect(res.status).toBe(403)
    }
    expect((await read()).siteName).toBe('楚天财经')
  })

  it('shows a fixed end year when one is set, and the current year again once it is cleared', async () => {
    expect((await save({ ...VALID, copyrightEndYear: 2023 })).status).toBe(200)
    let settings = await read()
    expect(settings).toMatchObject({
      copyrightEndYear: 2023,
      copyrightEndYearShown: 2023,
      copyrightNotice: 'Copyright © 2000 - 2023 楚天财经网络有限公司 All Rights Reserved.',
    })

    expect((await save({ ...VALID, copyrightEndYear: null })).status).toBe(200)
    settings = await read()
    expect(settings.copyrightEndYearShown).toBe(shanghaiYear())
  })

  it('shows a single year when start and end agree, and no holder when there is none', async () => {
    expect((await save({ ...VALID, copyrightHolder: null, copyrightStartYear: 2020, copyrightEndYear: 2020 })).status).toBe(200)
    expect((await read()).copyrightNotice).toBe('Copyright © 2020 All Rights Reserved.')
  })

  it('stores full-width digits and letters in canonical ASCII form, and one space in the 公安备案 number', async () => {
    const res = await save({
      ...VALID,
      icpNumber: '鄂ＩＣＰ备１４０１０６２８号－２',
      publicSecurityNumber: '京公网安备１１０１０２０２００８１８２号',
      newsLicenceNumber: '１０１２０１９００１７',
    })
    expect(res.status).toBe(200)
    const settings = await read()
    expect(settings).toMatchObject({
      icpNumber: '鄂ICP备14010628号-2',
      publicSecurityNumber: '京公网安备 11010202008182号',
      publicSecurityUrl: 'https://beian.mps.gov.cn/#/query/webSearch?code=11010202008182',
      newsLicenceNumber: '10120190017',
    })
  })

  it('clears a number saved as an empty string, and its link with it', async () => {
    expect((await save({ ...VALID, icpNumber: '', publicSecurityNumber: '  ' })).status).toBe(200)
    const settings = await read()
    expect(settings.icpNumber ?? null).toBeNull()
    expect(settings.icpUrl ?? null).toBeNull()
    expect(settings.publicSecurityNumber ?? null).toBeNull()
    expect(settings.publicSecurityUrl ?? null).toBeNull()
  })

  it.each([
    ['港ICP备14010628号'],
    ['鄂ICP备12345号'],
    ['鄂ICP备12345678901号'],
    ['鄂ICP备14010628'],
    ['鄂ICP14010628号'],
    ['鄂icp备14010628号'],
  ])('refuses the ICP number %s with 400 naming icpNumber, keeping the stored settings', async (icpNumber) => {
    await expectRefused({ icpNumber }, 'icpNumber')
  })

  it.each([['京公网安备 1101020200818号'], ['京公网安备 11010202008182'], ['港公网安备 81010202008182号'], ['京公网安备  11010202008182号']])(
    'refuses the 公安备案 number %s with 400 naming publicSecurityNumber',
    async (publicSecurityNumber) => {
      await expectRefused({ publicSecurityNumber }, 'publicSecurityNumber')
    },
  )

  it('refuses a 公安备案 number whose digits belong to another province, naming the expected code', async () => {
    await expectRefused({ publicSecurityNumber: '沪公网安备 11010202008182号' }, 'publicSecurityNumber', '31')
  })

  it.each([['1012019001'], ['101201900170'], ['1012019001X']])('refuses the news licence number %s with 400 naming newsLicenceNumber', async (newsLicenceNumber) => {
    await expectRefused({ newsLicenceNumber }, 'newsLicenceNumber')
  })

  it('refuses an end year before the start year', async () => {
    await expectRefused({ copyrightStartYear: 2010, copyrightEndYear: 2005 }, 'copyrightEndYear')
  })

  it('refuses an end year before the stored start year when only the end year is sent', async () => {
    expect((await save(VALID)).status).toBe(200)
    const before = storedFields(await read())
    const res = await save({ copyrightEndYear: 1995 })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toContain('copyrightEndYear')
    expect(storedFields(await read())).toEqual(before)
  })

  it('refuses a start year after the stored end year when only the start year is sent', async () => {
    expect((await save({ ...VALID, copyrightEndYear: 2020 })).status).toBe(200)
    const before = storedFields(await read())
    const res = await save({ copyrightStartYear: 2022 })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body).some((path) => path === 'copyrightEndYear' || path === 'copyrightStartYear')).toBe(true)
    expect(storedFields(await read())).toEqual(before)
  })

  it('keeps the other fields when only some are sent', async () => {
    expect((await save(VALID)).status).toBe(200)
    expect((await save({ contactEmail: 'news@example.cn' })).status).toBe(200)
    expect(await read()).toMatchObject({ ...VALID, contactEmail: 'news@example.cn' })
  })

  it('computes the links itself, whatever a client sends for them', async () => {
    const res = await save({
      ...VALID,
      icpUrl: 'https://evil.example/',
      publicSecurityUrl: 'https://evil.example/',
      copyrightEndYearShown: 1999,
      copyrightNotice: 'forged',
    })
    expect(res.status).toBeLessThan(500)
    const settings = await read()
    expect(settings.icpUrl).toBe('https://beian.miit.gov.cn/')
    expect(settings.publicSecurityUrl).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=42010602000123')
    expect(settings.copyrightEndYearShown).toBe(shanghaiYear())
    expect(settings.copyrightNotice).not.toBe('forged')
  })

  it('gives the same derived fields over GraphQL, anonymously', async () => {
    expect((await save({ ...VALID, copyrightEndYear: null })).status).toBe(200)
    const rest = await read()
    const res = await staff.anonymous.graphql(
      '{ SiteSetting { siteName icpNumber icpUrl publicSecurityNumber publicSecurityUrl newsLicenceNumber copyrightEndYear copyrightEndYearShown copyrightNotice } }',
    )
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
    const gql = res.body.data!.SiteSetting
    expect(gql).toEqual({
      siteName: rest.siteName,
      icpNumber: rest.icpNumber,
      icpUrl: 'https://beian.miit.gov.cn/',
      publicSecurityNumber: rest.publicSecurityNumber,
      publicSecurityUrl: 'https://beian.mps.gov.cn/#/query/webSearch?code=42010602000123',
      newsLicenceNumber: rest.newsLicenceNumber,
      copyrightEndYear: null,
      copyrightEndYearShown: shanghaiYear(),
      copyrightNotice: rest.copyrightNotice,
    })
  })

  it('refuses an invalid number sent through the GraphQL mutation too', async () => {
    expect((await save(VALID)).status).toBe(200)
    const res = await staff['editor-in-chief'].graphql(
      'mutation ($data: mutationSiteSettingInput!) { updateSiteSetting(data: $data) { icpNumber } }',
      { data: { icpNumber: '鄂ICP备123号' } },
    )
    expect(res.body.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(res.body.errors)).toContain('icpNumber')
    expect((await read()).icpNumber).toBe('鄂ICP备14010628号-2')
  })
})

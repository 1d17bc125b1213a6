import type { Payload, PayloadRequest } from 'payload'

import type { Profession } from '../lib/accounts/readers'
import { parsePhoneNumber } from '../lib/phone/number'
import { phoneKeysFrom, sealPhoneNumber } from '../lib/phone/secrets'
import { renderPng } from './images'
import { DEMO_PASSWORD } from './staff'
import { AVATARS_SLUG, COMMENTS_SLUG, READERS_SLUG, SCREENING_WORDS_SLUG } from '../slugs'

/**
 * Demo readers: verified and unverified professional claims, as on a real portal. The first three
 * have bound a (made-up) mobile number, so they comment at once; 阿敏 has not, and shows the binding
 * step (the code goes to the SMS folder, .data/sms).
 */
const DEMO_READERS: { key: string; displayName: string; profession?: Profession; verified?: boolean; phone?: string; colour: string }[] = [
  { key: 'reader1', displayName: '江南小周', profession: 'legal-assistant', verified: true, phone: '13900000001', colour: '#c0392b' },
  { key: 'reader2', displayName: '青柠律师', profession: 'trainee-lawyer', verified: true, phone: '13900000002', colour: '#2471a3' },
  { key: 'reader3', displayName: '老陈看市', profession: 'analyst', verified: false, phone: '13900000003', colour: '#1e8449' },
  { key: 'reader4', displayName: '理财新手阿敏', colour: '#b7950b' },
]

/** Screening words a finance portal typically starts with (fictional examples, not a real list). */
const DEMO_SCREENING_WORDS: { phrase: string; action: 'reject' | 'review' | 'mask' | 'allow'; note: string }[] = [
  { phrase: '赌博', action: 'reject', note: '违法内容' },
  { phrase: '博彩', action: 'reject', note: '违法内容' },
  { phrase: '博彩业监管', action: 'allow', note: '监管报道中的正常用语' },
  { phrase: '保本保息', action: 'review', note: '常见非法集资话术' },
  { phrase: '稳赚不赔', action: 'review', note: '常见非法集资话术' },
  { phrase: '内幕消息', action: 'review', note: '可能涉及操纵市场' },
  { phrase: '骗子', action: 'mask', note: '人身攻击' },
]

type CommentSeed = {
  reader: string
  article: number
  body: string
  status: 'pending' | 'approved' | 'rejected' | 'spam'
  featured?: boolean
  replyTo?: number
}

/** Readers, their avatars, the starting word lists and comments in every moderation state. */
export async function createCommunity(payload: Payload, req: PayloadRequest, articleIds: number[]): Promise<void> {
  for (const word of DEMO_SCREENING_WORDS) await payload.create({ collection: SCREENING_WORDS_SLUG, data: word, req })

  const readers: Record<string, number> = {}
  const phoneKeys = phoneKeysFrom(process.env)
  for (const reader of DEMO_READERS) {
    const phone = reader.phone ? sealPhoneNumber(phoneKeys, parsePhoneNumber(reader.phone)!) : null
    const png = await renderPng(
      `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192"><rect width="192" height="192" fill="#f4f1ea"/><circle cx="96" cy="96" r="80" fill="${reader.colour}"/><circle cx="96" cy="80" r="30" fill="#fff" opacity="0.85"/><rect x="46" y="120" width="100" height="44" rx="22" fill="#fff" opacity="0.85"/></svg>`,
    )
    const avatar = await payload.create({
      collection: AVATARS_SLUG,
      data: { alt: `${reader.displayName}的头像` },
      file: { data: png, mimetype: 'image/png', name: `${reader.key}.png`, size: png.length },
      req,
    })
    const created = await payload.create({
      collection: READERS_SLUG,
      data: {
        email: `${reader.key}@readers.newsroom.demo`,
        password: DEMO_PASSWORD,
        displayName: reader.displayName,
        avatar: avatar.id,
        profession: reader.profession,
        professionVerified: reader.verified ?? false,
        status: 'active',
        ...(phone && { phoneHash: phone.numberHash, phoneCiphertext: phone.ciphertext, phoneMasked: phone.masked, phoneVerifiedAt: new Date().toISOString() }),
        // Demo accounts are ready to log in: no verification email to follow.
        ...({ _verified: true } as object),
      },
      disableVerificationEmail: true,
      req,
    })
    readers[reader.key] = created.id
  }

  const [macro, lending, banking] = articleIds
  const seeds: CommentSeed[] = [
    { reader: 'reader2', article: macro, status: 'approved', featured: true, body: '降准释放的是银行可贷资金，最终能否传导到实体经济，还要看企业的融资需求是否跟得上。' },
    { reader: 'reader1', article: macro, status: 'approved', featured: true, body: '文章把降准和降息的区别讲得很清楚，适合转给刚入行的同事看。' },
    { reader: 'reader3', article: macro, status: 'approved', body: '从历史数据看，降准公布后一周内银行板块的表现分化很大，不宜简单追涨。' },
    { reader: 'reader4', article: macro, status: 'pending', body: '请问降准对我手里的房贷利率会有直接影响吗？' },
    { reader: 'reader3', article: lending, status: 'approved', featured: true, body: '第四个问题最关键：年化利率一定要按实际占用资金的天数去算，别只看日息。' },
    { reader: 'reader4', article: lending, status: 'rejected', body: '加群领取内部渠道，稳赚不赔，名额有限。' },
    { reader: 'reader4', article: lending, status: 'spam', body: '低息放款，当天到账，联系客服了解详情。' },
    { reader: 'reader1', article: banking, status: 'approved', body: '现金管理类产品收益下行是大趋势，流动性需求不高的资金可以考虑拉长期限。' },
  ]
  const created: number[] = []
  for (const seed of seeds) {
    const doc = await payload.create({
      collection: COMMENTS_SLUG,
      data: {
        article: seed.article,
        reader: readers[seed.reader],
        body: seed.body,
        status: seed.status,
        featured: seed.featured ?? false,
        screening: [{ rule: 'seed', message: { code: 'SCREENING_DEMO_CONTENT' } }],
      },
      req,
    })
    created.push(doc.id)
  }
  await payload.create({
    collection: COMMENTS_SLUG,
    data: {
      article: macro,
      parent: created[0],
      reader: readers.reader3,
      body: '同意，关键看信贷需求。最近的社融数据可以作为观察窗口。',
      status: 'approved',
      screening: [{ rule: 'seed', message: { code: 'SCREENING_DEMO_CONTENT' } }],
    },
    req,
  })
}

/**
 * The demo portal's channels, tags and bylines. Slugs are left to the collections, which make them
 * from the names in pinyin: the seed then shows that behaviour rather than hiding it.
 */

export type ChannelKey = 'finance' | 'macro' | 'banking' | 'securities' | 'industry' | 'lending' | 'insurance'

/** Parents come before their children: a channel's breadcrumbs are built from its saved parent. */
export const DEMO_CHANNELS: { key: ChannelKey; name: string; parent?: ChannelKey }[] = [
  { key: 'finance', name: '财经' },
  { key: 'macro', name: '宏观', parent: 'finance' },
  { key: 'banking', name: '银行', parent: 'finance' },
  { key: 'securities', name: '证券', parent: 'finance' },
  { key: 'industry', name: '行业资讯' },
  { key: 'lending', name: '网贷', parent: 'industry' },
  { key: 'insurance', name: '保险', parent: 'industry' },
]

export const DEMO_TAGS = [
  '降准',
  '货币政策',
  '银行',
  '利率',
  '消费金融',
  '普惠金融',
  '监管',
  '网贷',
  '理财',
  '保险',
] as const

export type TagName = (typeof DEMO_TAGS)[number]

export type AuthorKey = 'linXiaozhou' | 'guHuaijin' | 'shenZhiwei' | 'songYihe'

export type DemoAuthor = {
  key: AuthorKey
  name: string
  title: string
  bio: string
  /** The demo staff account this byline belongs to, by email; contributors have none. */
  staffEmail?: string
}

export const DEMO_AUTHORS: DemoAuthor[] = [
  {
    key: 'linXiaozhou',
    name: '林晓舟',
    title: '本网记者',
    bio: '财经观察网记者，跑保险与消费金融线，关注普通家庭的保障缺口与借贷成本。',
    staffEmail: 'reporter@newsroom.demo',
  },
  {
    key: 'songYihe',
    name: '宋一禾',
    title: '本网记者',
    bio: '财经观察网记者，负责银行与资产管理报道，长期跟踪理财产品净值与收益率数据。',
  },
  {
    key: 'guHuaijin',
    name: '顾怀瑾',
    title: '特约撰稿人',
    bio: '曾任职于商业银行金融市场部，现为独立研究者，撰写货币政策与利率市场评论。',
  },
  {
    key: 'shenZhiwei',
    name: '沈知微',
    title: '特约研究员',
    bio: '金融消费者权益保护领域研究者，关注信贷产品定价透明度与个人信息保护。',
  },
]

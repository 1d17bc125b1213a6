/**
 * The benchmark's content, made up from a finance vocabulary by a seeded generator: the same
 * `--articles N` always gives the same titles, bodies, bylines, tags and comments, so runs on
 * different days measure the same work. Every name, event and figure is invented.
 */
import { seededRandom } from '../../lib/seededRandom'
import { bold, editorState, heading, list, paragraph, quote, upload, type BlockNode, type EditorState } from '../../seed/lexical'

type Random = () => number

const INSTITUTIONS = [
  '央行', '财政部', '国家统计局', '证监会', '金融监管总局', '国家发改委', '外汇局', '交易所', '国有大行', '股份制银行',
  '城商行', '农商行', '保险公司', '券商', '公募基金', '私募基金', '信托公司', '理财子公司', '上市公司', '民营企业',
  '外资机构', '北向资金', '机构投资者', '个人投资者', '房地产企业', '地方政府', '消费金融公司', '支付机构', '评级机构', '行业协会',
  '商务部', '工信部', '住建部', '国资委', '社保基金', '险资', '银行理财', '期货公司', '资产管理公司', '金融租赁公司',
]

/** Also the search benchmark's queries: words a reader types into the search box. */
export const TOPICS = [
  '存款准备金率', '贷款市场报价利率', '中期借贷便利', '逆回购', '国债收益率', '人民币汇率', '社会融资规模', '广义货币', '居民消费价格指数', '工业增加值',
  '采购经理指数', '固定资产投资', '房地产投资', '社会消费品零售总额', '出口增速', '外汇储备', '专项债', '特别国债', '净息差', '不良贷款率',
  '资本充足率', '拨备覆盖率', '理财产品净值', '货币基金收益率', '保费收入', '综合成本率', '偿付能力', '两融余额', '成交额', '市盈率',
  '现金分红', '股份回购', '定向增发', '可转债', '新股发行', '科创板', '创业板', '北交所', '新能源汽车', '光伏组件',
  '半导体', '人工智能', '消费电子', '创新药', '白酒', '煤炭价格', '钢铁产量', '有色金属', '黄金价格', '原油价格',
  '铜价', '大宗商品', '跨境资金', '数字人民币', '普惠金融', '绿色金融', '养老金融', '个人养老金', '住房公积金', '房贷利率',
  '首付比例', '消费贷', '经营贷', '信用卡', '网络借贷', '小额贷款', '个人征信', '存款利率', '大额存单', '结构性存款',
  '同业存单', '地方债', '城投债', '信用债', '违约率', '利率债', '期限利差', '资金面', '流动性', '降息',
  '降准', '汇率波动', '美联储', '美元指数', '港股', '中概股', '指数基金', 'ETF', 'REITs', '量化交易',
  '并购重组', '退市', '信息披露', '内幕交易', '财务造假', '投资者保护', '营商环境', '减税降费', '财政赤字', '消费券',
]

const INDUSTRIES = [
  '新能源', '储能', '锂电池', '风电', '充电桩', '汽车零部件', '算力', '云计算', '数据中心', '芯片设计',
  '工业机器人', '低空经济', '商业航天', '生物医药', '医疗器械', '养老服务', '文旅消费', '餐饮', '家电', '纺织服装',
  '跨境电商', '物流', '航运', '港口', '航空', '建筑建材', '水泥', '化工', '农业', '种业',
]

const REGIONS = [
  '北京', '上海', '深圳', '广州', '杭州', '武汉', '成都', '重庆', '南京', '天津',
  '苏州', '西安', '长沙', '郑州', '合肥', '厦门', '青岛', '长三角', '粤港澳大湾区', '京津冀',
]

const PERIODS = ['今年以来', '上半年', '前三季度', '一季度', '近一个月', '本周', '上周', '年内', '过去一年', '近三年', '四月份', '十月份']
const RISES = ['上涨', '回升', '走高', '增长', '扩大', '加快', '创年内新高']
const FALLS = ['下跌', '回落', '走低', '下降', '收窄', '放缓', '创年内新低']
const POLICY_ACTIONS = ['发布', '出台', '印发', '推出', '公布', '部署', '调整', '优化', '完善', '规范']
const DEGREES = ['小幅', '明显', '持续', '阶段性', '温和', '大幅', '稳步', '逐步']
const VOICES = ['分析人士认为', '业内人士表示', '有券商首席经济学家指出', '受访专家认为', '一位银行人士透露', '市场人士预计', '多家机构研报显示', '有基金经理坦言']
const CONCERNS = ['市场信心', '企业融资成本', '居民收入预期', '银行资产质量', '资本市场稳定', '外部需求', '房地产风险', '地方债务风险', '消费复苏', '就业形势']
const GOALS = ['稳增长', '防风险', '促消费', '扩内需', '稳就业', '优结构', '降成本', '强监管']
const SOURCES = ['本网综合', '本网记者', '新华社', '中国证券报', '上海证券报', '证券时报', '经济参考报', '第一财经', '21世纪经济报道', '每日经济新闻']

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹']
const GIVEN_NAMES = ['晓舟', '一禾', '怀瑾', '知微', '明远', '清', '立川', '雨桐', '子涵', '思远', '若溪', '景行', '嘉树', '予安', '书宁', '星河', '牧之', '听澜', '以宁', '亦凡', '静姝', '望舒', '承泽', '云舒', '知秋']
const AUTHOR_TITLES = ['本网记者', '本网记者', '本网记者', '首席记者', '特约撰稿人', '特约研究员', '实习记者', '评论员']
const READER_NAMES = ['老陈看市', '江南小周', '理财新手', '青柠律师', '价值投资者', '基民小李', '退休老王', '数据控', '宏观观察', '打工人', '小散一枚', '房奴日记', '注会备考中', '债市老兵', '海淀分析师']
const COMMENT_OPENINGS = ['文章写得很清楚，', '说得在理，', '我有不同看法，', '作为从业者补充一点，', '请教一下，', '看完有点担心，', '这个数据很有参考价值，', '同意作者的判断，']
const COMMENT_ENDINGS = ['还要继续观察。', '普通投资者别盲目跟风。', '希望后续能有跟踪报道。', '关键还是看落地效果。', '短期影响其实有限。', '长期来看是好事。', '建议多配置一些稳健资产。']

const pickFrom = (random: Random) => <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1))
const percent = (random: Random) => (random() * 12).toFixed(1)
const amount = (random: Random) => `${between(random, 2, 980)}${pickFrom(random)(['亿元', '万亿元', '万元'])}`

/** One sentence of news prose, from a handful of shapes a finance desk writes every day. */
function sentence(random: Random): string {
  const pick = pickFrom(random)
  const shapes = [
    () => `${pick(PERIODS)}，${pick(INSTITUTIONS)}${pick(POLICY_ACTIONS)}${pick(TOPICS)}相关措施，${pick(TOPICS)}${pick(DEGREES)}${pick(RISES)}。`,
    () => `数据显示，${pick(PERIODS)}${pick(REGIONS)}${pick(TOPICS)}同比${pick(RISES)}${percent(random)}%，较去年同期${pick(FALLS)}${percent(random)}个百分点。`,
    () => `${pick(VOICES)}，${pick(TOPICS)}${pick(DEGREES)}${pick(FALLS)}的趋势短期内难以改变，${pick(INSTITUTIONS)}仍需关注${pick(CONCERNS)}。`,
    () => `${pick(INSTITUTIONS)}相关负责人表示，下一步将继续${pick(POLICY_ACTIONS)}${pick(TOPICS)}管理，推动${pick(GOALS)}。`,
    () => `截至发稿，${pick(INDUSTRIES)}板块${pick(DEGREES)}${pick(RISES)}，${pick(INSTITUTIONS)}合计净买入约${amount(random)}。`,
    () => `在${pick(CONCERNS)}承压的背景下，${pick(INSTITUTIONS)}对${pick(INDUSTRIES)}的投入${pick(DEGREES)}${pick(FALLS)}。`,
    () => `从${pick(REGIONS)}的情况看，${pick(TOPICS)}与${pick(TOPICS)}之间的联动明显增强，${pick(INDUSTRIES)}企业感受最为直接。`,
    () => `${pick(VOICES)}，随着${pick(TOPICS)}${pick(RISES)}，${pick(GOALS)}的政策空间有望进一步打开。`,
  ]
  return pick(shapes)()
}

const sentences = (random: Random, count: number) => Array.from({ length: count }, () => sentence(random)).join('')

function title(random: Random): string {
  const pick = pickFrom(random)
  const shapes = [
    () => `${pick(INSTITUTIONS)}${pick(POLICY_ACTIONS)}${pick(TOPICS)}新规 ${pick(INDUSTRIES)}${pick(RISES)}`,
    () => `${pick(PERIODS)}${pick(REGIONS)}${pick(TOPICS)}同比${pick(RISES)}${percent(random)}%`,
    () => `${pick(TOPICS)}${pick(DEGREES)}${pick(FALLS)} ${pick(INSTITUTIONS)}${pick(POLICY_ACTIONS)}应对方案`,
    () => `${pick(REGIONS)}${pick(INDUSTRIES)}融资${amount(random)} ${pick(TOPICS)}受关注`,
    () => `${pick(TOPICS)}观察：${pick(CONCERNS)}如何影响${pick(INDUSTRIES)}`,
    () => `${pick(INSTITUTIONS)}${pick(DEGREES)}增持${pick(INDUSTRIES)} ${pick(TOPICS)}${pick(RISES)}`,
  ]
  return pick(shapes)()
}

export type CorpusArticle = {
  title: string
  summary: string
  source: string
  /** Indexes into the corpus's authors, tags, channels (leaves), editors and images. */
  authors: number[]
  tags: number[]
  channel: number
  editor: number
  cover: number
  /** Media placed inside the body, by image index, or null for a text-only body. */
  inlineImage: number | null
  publishedAt: string
  body: (mediaId: (image: number) => number) => EditorState
}

/** A headline's sections: a few paragraphs under each, sometimes a list or a quoted voice. */
function body(random: Random, inlineImage: number | null): (mediaId: (image: number) => number) => EditorState {
  const pick = pickFrom(random)
  const blocks: ((mediaId: (image: number) => number) => BlockNode)[] = []
  const lead = sentences(random, 4)
  blocks.push(() => paragraph(lead))
  const sectionCount = between(random, 2, 4)
  for (let section = 0; section < sectionCount; section++) {
    const headingText = `${pick(TOPICS)}${pick(['怎么看', '的变化', '背后的逻辑', '还有多少空间', '对谁影响最大'])}`
    blocks.push(() => heading('h2', headingText))
    for (let i = between(random, 1, 3); i > 0; i--) {
      const text = sentences(random, between(random, 3, 5))
      blocks.push(() => paragraph(text))
    }
    if (random() < 0.3) {
      const items = Array.from({ length: between(random, 3, 4) }, () => [bold(`${pick(TOPICS)}：`), sentence(random)])
      blocks.push(() => list('bullet', items))
    }
    if (random() < 0.25) {
      const voice = `“${sentences(random, 2)}”${pick(VOICES)}。`
      blocks.push(() => quote(voice))
    }
  }
  if (inlineImage !== null) {
    const caption = `${pick(TOPICS)}走势示意。本网制图，数据为演示用途`
    blocks.splice(2, 0, (mediaId) => upload(mediaId(inlineImage), caption))
  }
  blocks.push(() => paragraph('（本文为基准测试生成的虚构内容。）'))
  return (mediaId) => editorState(...blocks.map((block) => block(mediaId)))
}

/** Distinct indexes, `count` of them, below `limit`. */
function distinct(random: Random, count: number, limit: number): number[] {
  const chosen = new Set<number>()
  while (chosen.size < Math.min(count, limit)) chosen.add(Math.floor(random() * limit))
  return [...chosen]
}

/** The newest article is from this day; older ones go back about three years. */
const NEWEST = Date.parse('2026-05-01T02:00:00.000Z')
const SPREAD_MS = 3 * 365 * 24 * 3600 * 1000

export function corpusArticle(index: number, total: number, sizes: { authors: number; tags: number; channels: number; editors: number; images: number }): CorpusArticle {
  // A generator per article: article 5,000 is the same whether 8 or 80 are written at a time.
  const random = seededRandom(100_000 + index)
  const inlineImage = random() < 0.4 ? Math.floor(random() * sizes.images) : null
  return {
    title: title(random),
    summary: sentences(random, 2),
    source: pickFrom(random)(SOURCES),
    authors: distinct(random, between(random, 1, 3), sizes.authors),
    tags: distinct(random, between(random, 3, 6), sizes.tags),
    channel: Math.floor(random() * sizes.channels),
    editor: Math.floor(random() * sizes.editors),
    cover: Math.floor(random() * sizes.images),
    inlineImage,
    publishedAt: new Date(NEWEST - Math.floor((index / total) * SPREAD_MS) - Math.floor(random() * 3_600_000)).toISOString(),
    body: body(random, inlineImage),
  }
}

/** Two-level channel tree: five sections of three channels each (articles go in the channels). */
export const CHANNELS: { name: string; children: string[] }[] = [
  { name: '宏观', children: ['货币政策', '财政税收', '经济数据'] },
  { name: '金融', children: ['银行', '保险', '信托'] },
  { name: '证券', children: ['股市', '债市', '基金'] },
  { name: '产业', children: ['新能源', '科技', '消费'] },
  { name: '地产', children: ['楼市', '土地', '物业'] },
]

/** Every distinct word of the vocabulary's nouns: about two hundred tags. */
export function tagNames(): string[] {
  return [...new Set([...TOPICS, ...INDUSTRIES, ...REGIONS, ...INSTITUTIONS, ...GOALS])]
}

export type CorpusAuthor = { name: string; title: string; bio: string }

export function corpusAuthors(count: number): CorpusAuthor[] {
  const random = seededRandom(7)
  const pick = pickFrom(random)
  const names = new Set<string>()
  while (names.size < count) names.add(pick(SURNAMES) + pick(GIVEN_NAMES))
  return [...names].map((name) => ({
    name,
    title: pick(AUTHOR_TITLES),
    bio: `财经观察网${pick(AUTHOR_TITLES)}，长期跟踪${pick(TOPICS)}与${pick(INDUSTRIES)}，关注${pick(CONCERNS)}。`,
  }))
}

/** What a reader writes under a story, and the name they write it under. */
export function corpusCommentText(random: Random): { author: string; body: string } {
  const pick = pickFrom(random)
  return {
    body: `${pick(COMMENT_OPENINGS)}${pick(TOPICS)}${pick([...RISES, ...FALLS])}之后，${pick(CONCERNS)}${pick(COMMENT_ENDINGS)}`,
    author: pick(READER_NAMES),
  }
}

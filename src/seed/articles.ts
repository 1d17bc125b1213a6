import type { ImageKey } from './images'
import { bold, editorState, heading, italic, link, list, paragraph, quote, upload, type EditorState } from './lexical'
import type { StaffKey } from './staff'
import type { AuthorKey, ChannelKey, TagName } from './taxonomy'

/**
 * Demo articles: written for this project, every event, figure, person and quotation in them is
 * invented. Each says so in its last line, so a screenshot of the demo cannot pass for real news.
 */

export type ArticleSeed = {
  title: string
  summary: string
  source: string
  /** Bylines in the order they are shown. */
  authors: AuthorKey[]
  responsibleEditor: Extract<StaffKey, 'editorA' | 'editorB'>
  createdBy: StaffKey
  category: ChannelKey
  tags: TagName[]
  cover: ImageKey
  status: 'draft' | 'published'
  /** UTC; the portal shows it in Asia/Shanghai. */
  publishedAt?: string
  /** Media ids exist only once the images are uploaded, so a body is built late. */
  body: (image: (key: ImageKey) => number) => EditorState
}

const demoNotice = () => paragraph(italic('（本文为演示内容，文中事件、人物、数据与引语均为虚构。）'))

const reserveRatioCut: ArticleSeed = {
  title: '央行宣布降准0.5个百分点 释放中长期流动性约1万亿元',
  summary:
    '央行宣布自12月1日起下调金融机构存款准备金率0.5个百分点，预计释放中长期流动性约1万亿元。本文梳理此次降准的背景、看点以及对普通家庭的影响。',
  source: '本网综合',
  authors: ['guHuaijin', 'songYihe'],
  responsibleEditor: 'editorA',
  createdBy: 'editorA',
  category: 'macro',
  tags: ['降准', '货币政策', '银行', '利率'],
  cover: 'reserveRatioCover',
  status: 'published',
  publishedAt: '2026-11-18T09:30:00.000Z',
  body: (image) =>
    editorState(
      paragraph(
        '11月18日傍晚，央行宣布自12月1日起下调金融机构存款准备金率0.5个百分点（不含已执行5%存款准备金率的金融机构）。据测算，此次降准将向市场提供中长期流动性约1万亿元，调整后金融机构加权平均存款准备金率约为5.7%。这是今年以来的第二次全面降准。',
      ),
      heading('h2', '存款准备金率是什么'),
      paragraph(
        '存款准备金是商业银行为应对储户提款和资金清算需要，按规定缴存在中央银行的资金，其占存款总额的比例就是存款准备金率。这部分资金银行不能用于放贷或投资，准备金率每下调一次，银行就能多“腾出”一部分可以运用的资金。',
      ),
      paragraph(
        '与逆回购、中期借贷便利（MLF）等到期需要归还的操作不同，降准释放的资金没有期限、不需要抵押品，成本也更低，因此被视为力度较大、信号意义较强的“总量型”工具。',
      ),
      upload(image('reserveRatioSteps'), '金融机构加权平均存款准备金率历次调整示意。本网制图，数据为演示用途'),
      heading('h2', '此次降准的四个看点'),
      list('bullet', [
        [bold('规模：'), '约1万亿元的长期资金，可在一定程度上对冲年末税款缴纳、政府债券集中发行带来的资金缺口；'],
        [bold('成本：'), '按业内常用的测算方法，银行每年可因此节约资金成本约百亿元，有助于缓解净息差收窄的压力；'],
        [bold('结构：'), '已执行5%准备金率的部分县域法人金融机构不再下调，新增资金更多留给信贷需求较大的机构；'],
        [bold('时点：'), '生效日定在12月初，与年末和来年开年的信贷投放节奏相衔接。'],
      ]),
      heading('h2', '对普通家庭有什么影响'),
      paragraph(
        '降准本身并不直接调整存贷款利率。不过，银行资金成本下降后，贷款市场报价利率（LPR）存在稳中有降的空间。已有房贷的家庭，利率变化要等到合同约定的重定价日才会体现；正在申请消费贷、经营贷的借款人，可能更早感受到报价的变化。',
      ),
      paragraph(
        '对储户而言，资金面宽松往往伴随存款利率下行。近一年来，多家银行已数次下调定期存款挂牌利率，部分中小银行的三年期定期存款利率已低于2%。',
      ),
      quote(
        '“降准相当于给银行体系‘补水’，水位上来以后，资金能不能流到实体经济最需要的地方，才是真正要看的。”一位券商首席经济学家在接受本网采访时表示，接下来还要观察企业和居民的融资需求能否同步回暖。',
      ),
      heading('h2', '市场怎么看'),
      paragraph(
        '从债券市场的反应看，消息公布后十年期国债收益率小幅下行，但幅度有限，说明市场此前已有一定预期。多位受访分析人士认为，年内政策仍将保持支持性取向，是否进一步降息，将取决于物价和经济数据的走势。',
      ),
      paragraph('存款准备金制度的介绍，可查阅', link('https://www.pbc.gov.cn/', '中国人民银行网站'), '。'),
      demoNotice(),
    ),
}

const consumerLoanQuestions: ArticleSeed = {
  title: '借消费贷前，这六个问题你问清楚了吗？',
  summary:
    '“日息万分之五”贵不贵？会员费算不算利息？提前还款要不要付违约金？围绕借款人最常问到的六个问题，本网请业内人士逐一解答。',
  source: '本网综合',
  authors: ['shenZhiwei', 'linXiaozhou'],
  responsibleEditor: 'editorB',
  createdBy: 'reporter',
  category: 'lending',
  tags: ['消费金融', '网贷', '监管', '利率'],
  cover: 'consumerCreditCover',
  status: 'published',
  publishedAt: '2026-11-24T02:00:00.000Z',
  body: (image) =>
    editorState(
      paragraph(
        '“一天只要几毛钱”“日息低至万分之二”——打开手机，类似的借款广告并不少见。不少借款人只盯着日息、月费，对一笔贷款一年下来到底要付多少钱缺乏概念。围绕借款人最常问到的六个问题，本网请业内人士逐一解答。',
      ),
      heading('h2', '问一：什么是“综合年化成本”？'),
      paragraph(
        '综合年化成本，是把借款人需要支付的利息、服务费、担保费、会员费等全部费用加总，再折算成以年为单位的比率。按照监管要求，贷款机构应当在营销页面和合同中以醒目方式展示年化利率，不得只展示日利率、月利率等容易让人低估成本的数字。',
      ),
      heading('h2', '问二：“日息万分之五”到底贵不贵？'),
      paragraph(
        '按一年365天粗略计算，日息万分之五对应的年化利率约为18.25%。如果采用等额本息方式按月还款，由于本金逐月归还、费用却仍按初始借款金额计算，实际年化成本还会明显高于这一数字。',
      ),
      upload(image('consumerCreditRates'), '同一笔借款，宣传费率（灰）与折算后的实际年化成本（红）对比示意。本网制图，数据为演示用途'),
      heading('h2', '问三：会员费、服务费算不算借款成本？'),
      paragraph(
        '算。只要是借款人为获得贷款而必须支付的费用，无论叫“会员费”“加速审核费”还是“风险服务费”，都应计入综合融资成本。一位消费金融公司的合规负责人提醒，如果不购买某项“会员”就无法借款，或者额度明显降低，这笔费用实质上就是借款成本的一部分。',
      ),
      heading('h2', '问四：遇到哪些情况要提高警惕？'),
      list('bullet', [
        '放款前以“验证还款能力”“解冻账户”“刷流水”等为由，要求先转账或缴纳保证金；',
        '合同中出现与贷款捆绑销售的保险、会员或权益包，且无法单独取消；',
        '宣传页只写“每天低至几毛钱”，却找不到年化利率；',
        '要求开通通讯录、相册、定位等与借款无关的手机权限。',
      ]),
      heading('h2', '问五：提前还款要付违约金吗？'),
      paragraph(
        '这取决于合同约定。有的产品允许随借随还、按实际使用天数计息；也有产品约定提前还款需支付一定比例的手续费，或者已收取的服务费不予退还。借款人签约前应仔细阅读合同中关于提前还款的条款，必要时要求工作人员书面说明。',
      ),
      quote(
        '“签约前至少弄清三件事：借到手的是多少，一共要还多少，每期什么时候还。”一位在消费金融行业工作多年的从业者建议，借款人可以把还款计划表截图保存，一旦发生争议，这是最直接的证据。',
      ),
      heading('h2', '问六：权益受到侵害怎么办？'),
      paragraph(
        '借款人可以先与贷款机构协商；协商不成的，可以向当地金融监管部门反映，也可以通过',
        link('https://www.nfra.gov.cn/', '国家金融监督管理总局网站'),
        '查询投诉渠道。遭遇暴力催收、个人信息被泄露的，应保留证据并及时报警。',
      ),
      demoNotice(),
    ),
}

const wealthYieldsFall: ArticleSeed = {
  title: '银行理财收益率连续三个月回落 现金管理类产品七日年化逼近1.3%',
  summary:
    '财观数据显示，11月银行理财存续产品平均年化收益率继续下行，现金管理类产品七日年化收益率均值已逼近1.3%，资金正向“固收+”和期限较长的产品迁移。',
  source: '财观数据',
  authors: ['songYihe'],
  responsibleEditor: 'editorA',
  createdBy: 'editorA',
  category: 'banking',
  tags: ['理财', '银行', '利率'],
  cover: 'wealthYieldCover',
  status: 'published',
  publishedAt: '2026-11-27T00:15:00.000Z',
  body: (image) =>
    editorState(
      paragraph(
        '财观数据最新统计显示，截至11月下旬，全市场存续银行理财产品近一个月的平均年化收益率为2.03%，较10月下降约9个基点，已连续三个月回落。其中，现金管理类产品的七日年化收益率均值为1.31%，创下该类产品有统计以来的新低。',
      ),
      heading('h2', '现金管理类产品收益率持续走低'),
      paragraph(
        '现金管理类理财产品主要投资于存款、同业存单和短期债券，收益率与货币市场利率高度相关。随着资金面持续宽松、存款利率多次下调，这类产品的收益率中枢随之下移。不少投资者发现，手机银行里“零钱理财”的每日收益，已经和一年前明显不同。',
      ),
      paragraph(
        '从规模看，现金管理类产品仍是理财市场中体量最大的品类之一，但占比已从高峰时的三成以上逐步下降。部分银行理财子公司开始下调此类产品的管理费和销售服务费，以减缓收益率下滑对客户体验的影响。',
      ),
      upload(image('wealthProductMix'), '银行理财存续规模按产品类型分布示意：固定收益类占比最高。本网制图，数据为演示用途'),
      heading('h2', '资金流向哪里'),
      paragraph('与收益率下行相伴的，是资金在不同产品之间的迁移。受访的多位银行理财经理表示，近期客户咨询较多的产品集中在以下几类：'),
      list('bullet', [
        [bold('“固收+”产品：'), '以债券打底，配置少量权益或可转债资产，争取略高于纯债产品的收益；'],
        [bold('定期开放型产品：'), '封闭期一年以上，以牺牲部分流动性换取相对稳定的收益；'],
        [bold('结构性产品：'), '收益挂钩黄金、指数等标的，区间较宽，需要投资者读懂挂钩规则；'],
        [bold('大额存单与国债：'), '部分风险偏好较低的客户回流至保本品种。'],
      ]),
      quote(
        '“过去投资者只看‘七日年化’那一个数字，现在要学会看业绩比较基准、历史回撤和持有期限。”一家股份制银行理财子公司的产品经理表示，收益率下行阶段，更需要让客户明白“低波动”和“保本”不是一回事。',
      ),
      heading('h2', '投资者该如何应对'),
      paragraph(
        '业内人士建议，投资者应按资金的使用时间合理分配：随时要用的钱放在现金管理类产品或活期存款中，一年以上不动用的资金可以考虑期限更长的产品，同时留意产品的风险等级是否与自身的承受能力匹配。',
      ),
      paragraph(
        '购买前，投资者可在',
        link('https://www.chinawealth.com.cn/', '中国理财网'),
        '输入产品登记编码，核实产品是否为正规发行的银行理财产品。',
      ),
      demoNotice(),
    ),
}

/** Left as a draft: anonymous readers must never see it, staff can. */
const cityHealthInsurance: ArticleSeed = {
  title: '惠民保走进第七年：参保增速放缓，产品如何留住年轻人',
  summary:
    '城市定制型商业医疗保险（惠民保）参保人次仍在增长，但增速已明显放缓。健康人群续保意愿下降、赔付率分化，成为产品能否持续的关键考验。',
  source: '本网',
  authors: ['linXiaozhou'],
  responsibleEditor: 'editorB',
  createdBy: 'reporter',
  category: 'insurance',
  tags: ['保险', '普惠金融'],
  cover: 'insuranceCover',
  status: 'draft',
  body: (image) =>
    editorState(
      paragraph(
        '每年岁末，各地新一年度的惠民保陆续开启投保。与前几年动辄“参保人数翻番”的热闹相比，今年的惠民保显得安静了许多。记者走访了解到，多地产品的参保人次仍在增长，但增速已明显放缓，一些城市甚至出现了续保率下降。',
      ),
      heading('h2', '从“爆款”到“常态”'),
      paragraph(
        '惠民保通常由地方政府部门指导、商业保险公司承保，保费多在每年几十元到一百多元之间，不限年龄、不限职业，部分产品对既往症人群也提供保障，因而被视为基本医保与商业健康险之间的补充。',
      ),
      upload(image('insuranceGrowth'), '某省会城市惠民保历年参保人次与增速示意：参保人次仍在上升，增速逐年放缓。本网制图，数据为演示用途'),
      heading('h2', '年轻人为什么不续保'),
      paragraph(
        '在一家互联网公司工作的小陈去年买过一份惠民保，今年却没有续保。“一年都没用上，免赔额还要两万元，感觉跟自己关系不大。”这并非个例。受访的保险从业者普遍认为，健康年轻人群的流失，是惠民保面临的最大挑战。',
      ),
      list('bullet', [
        '免赔额较高，健康人群获得赔付的概率低，感知价值有限；',
        '产品每年重新定价，保障责任和价格的变化让部分参保人犹豫；',
        '宣传集中在投保期，平时缺少理赔案例和服务触达；',
        '部分地区赔付率偏高，保险公司承保意愿下降，产品稳定性受到质疑。',
      ]),
      quote(
        '“惠民保的底层逻辑是大数法则，健康的人参与越多，保费才能越低、保障才能越好。一旦健康人群大量退出，就可能陷入保费上涨、参保人减少的循环。”一位长期参与惠民保产品设计的精算师说。',
      ),
      heading('h2', '各地在尝试什么'),
      paragraph(
        '为了留住参保人，一些城市开始尝试新做法：允许使用医保个人账户余额为家人投保，对连续参保且未理赔的人群给予优惠，把门诊特药、健康管理服务纳入保障范围，并定期公开赔付数据。',
      ),
      paragraph(
        '保险公司的基本信息，可在',
        link('https://www.iachina.cn/', '中国保险行业协会网站'),
        '查询。（待补充：当地医保部门的回应）',
      ),
      demoNotice(),
    ),
}

/** Oldest first, so the newest article also has the highest id. */
export const DEMO_ARTICLES: ArticleSeed[] = [reserveRatioCut, consumerLoanQuestions, wealthYieldsFall, cityHealthInsurance]

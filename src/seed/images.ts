import sharp from 'sharp'

/**
 * Demo pictures drawn at seed time, so the repository carries no binary assets and no image of
 * uncertain licence. Abstract charts and shapes only: no text, as a server may have no Chinese font
 * and SVG text would then render as boxes.
 */

export const IMAGE_WIDTH = 1200
export const IMAGE_HEIGHT = 675

const W = IMAGE_WIDTH
const H = IMAGE_HEIGHT

export type DemoImage = {
  alt: string
  caption: string
  credit: string
  /** File name in the media library. */
  filename: string
  svg: () => string
}

type Point = [number, number]

function svgDocument(defs: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs}</defs>${body}</svg>`
}

function gradient(id: string, stops: string[], direction: 'diagonal' | 'vertical' = 'diagonal'): string {
  const [x2, y2] = direction === 'vertical' ? [0, 1] : [1, 1]
  const offsets = stops
    .map((colour, i) => `<stop offset="${(i / (stops.length - 1)) * 100}%" stop-color="${colour}"/>`)
    .join('')
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${offsets}</linearGradient>`
}

/** A fading fill under a line: opaque at the line, transparent at the axis. */
function fade(id: string, colour: string, opacity: number): string {
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0%" stop-color="${colour}" stop-opacity="${opacity}"/><stop offset="100%" stop-color="${colour}" stop-opacity="0"/></linearGradient>`
}

function gridLines(box: { x0: number; y0: number; x1: number; y1: number }, rows: number, stroke: string, opacity: number): string {
  const lines: string[] = []
  for (let i = 0; i <= rows; i++) {
    const y = box.y0 + ((box.y1 - box.y0) * i) / rows
    lines.push(`<line x1="${box.x0}" y1="${y}" x2="${box.x1}" y2="${y}" stroke="${stroke}" stroke-opacity="${opacity}" stroke-width="1"/>`)
  }
  return lines.join('')
}

/** Maps a series onto a plot box, first value at the left edge, last at the right. */
function plot(values: number[], box: { x0: number; y0: number; x1: number; y1: number }, min: number, max: number): Point[] {
  const step = (box.x1 - box.x0) / (values.length - 1)
  return values.map((value, i) => [box.x0 + step * i, box.y1 - ((value - min) / (max - min)) * (box.y1 - box.y0)])
}

const pathOf = (points: Point[]): string => points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ')

function circles(points: Point[], r: number, fill: string, extra = ''): string {
  return points.map(([x, y]) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" fill="${fill}" ${extra}/>`).join('')
}

/** Reserve ratio falling step by step: descending bars on deep blue with a gold trend line. */
function reserveRatioCover(): string {
  const values = [9.8, 9.5, 9.3, 8.9, 8.6, 8.2, 7.8, 7.5, 7.1, 6.7, 6.2, 5.7]
  const base = 585
  const barWidth = 58
  const gap = 30
  const x0 = 110
  const bars = values
    .map((value, i) => {
      const height = value * 42
      const x = x0 + i * (barWidth + gap)
      const fill = i === values.length - 1 ? '#f2b134' : '#ffffff'
      const opacity = i === values.length - 1 ? 0.95 : 0.14 + i * 0.02
      return `<rect x="${x}" y="${base - height}" width="${barWidth}" height="${height}" rx="6" fill="${fill}" fill-opacity="${opacity}"/>`
    })
    .join('')
  const tops: Point[] = values.map((value, i) => [x0 + i * (barWidth + gap) + barWidth / 2, base - value * 42 - 26])
  return svgDocument(
    gradient('bg', ['#0b2a5b', '#123d7a', '#1d4e89']),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
      `<circle cx="1040" cy="110" r="230" fill="#ffffff" fill-opacity="0.05"/>` +
      `<circle cx="1120" cy="40" r="140" fill="#ffffff" fill-opacity="0.05"/>` +
      gridLines({ x0: 90, y0: 120, x1: 1130, y1: base }, 6, '#ffffff', 0.08) +
      bars +
      `<path d="${pathOf(tops)}" fill="none" stroke="#f2b134" stroke-width="5" stroke-linejoin="round" stroke-linecap="round"/>` +
      circles(tops, 8, '#f2b134', 'stroke="#0b2a5b" stroke-width="3"') +
      `<line x1="90" y1="${base}" x2="1130" y2="${base}" stroke="#ffffff" stroke-opacity="0.5" stroke-width="2"/>`,
  )
}

/** A step chart, the natural shape of a rate that moves by announcements. */
function reserveRatioSteps(): string {
  const levels = [10.6, 10.6, 10.1, 10.1, 10.1, 9.6, 9.6, 9.1, 9.1, 9.1, 8.6, 8.1, 8.1, 7.6, 7.6, 7.1, 7.1, 6.6, 6.2, 6.2, 5.7, 5.7]
  const box = { x0: 100, y0: 90, x1: 1110, y1: 580 }
  const points = plot(levels, box, 5, 11)
  const steps: Point[] = []
  const cuts: Point[] = []
  points.forEach(([x, y], i) => {
    if (i > 0 && y !== points[i - 1][1]) {
      steps.push([x, points[i - 1][1]])
      cuts.push([x, y])
    }
    steps.push([x, y])
  })
  const area = `${pathOf(steps)} L${box.x1} ${box.y1} L${box.x0} ${box.y1} Z`
  return svgDocument(
    gradient('bg', ['#f8fafc', '#eef2f7'], 'vertical') + fade('area', '#1d4e89', 0.28),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
      gridLines(box, 6, '#64748b', 0.18) +
      `<path d="${area}" fill="url(#area)"/>` +
      `<path d="${pathOf(steps)}" fill="none" stroke="#1d4e89" stroke-width="5" stroke-linejoin="round"/>` +
      circles(cuts, 9, '#d64541', 'stroke="#ffffff" stroke-width="3"') +
      `<line x1="${box.x0}" y1="${box.y1}" x2="${box.x1}" y2="${box.y1}" stroke="#334155" stroke-width="2"/>` +
      `<line x1="${box.x0}" y1="${box.y0}" x2="${box.x0}" y2="${box.y1}" stroke="#334155" stroke-width="2"/>`,
  )
}

/** Payment cards and coins: consumer credit without a single word. */
function consumerCreditCover(): string {
  const card = (x: number, y: number, angle: number, fill: string, opacity: number) =>
    `<g transform="rotate(${angle} ${x + 210} ${y + 130})">` +
    `<rect x="${x}" y="${y}" width="420" height="260" rx="26" fill="${fill}" fill-opacity="${opacity}"/>` +
    `<rect x="${x + 40}" y="${y + 70}" width="70" height="52" rx="9" fill="#fcd34d"/>` +
    `<line x1="${x + 40}" y1="${y + 96}" x2="${x + 110}" y2="${y + 96}" stroke="#b45309" stroke-width="2"/>` +
    `<rect x="${x + 40}" y="${y + 170}" width="250" height="16" rx="8" fill="#ffffff" fill-opacity="0.55"/>` +
    `<rect x="${x + 40}" y="${y + 200}" width="150" height="12" rx="6" fill="#ffffff" fill-opacity="0.35"/>` +
    `<circle cx="${x + 340}" cy="${y + 205}" r="26" fill="#ef4444" fill-opacity="0.85"/>` +
    `<circle cx="${x + 370}" cy="${y + 205}" r="26" fill="#f59e0b" fill-opacity="0.85"/>` +
    `</g>`
  const coin = (cx: number, cy: number, r: number) =>
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#fbbf24"/>` +
    `<circle cx="${cx}" cy="${cy}" r="${r * 0.72}" fill="none" stroke="#b45309" stroke-width="${r * 0.08}"/>` +
    `<rect x="${cx - r * 0.16}" y="${cy - r * 0.16}" width="${r * 0.32}" height="${r * 0.32}" fill="#b45309" transform="rotate(45 ${cx} ${cy})"/>`
  return svgDocument(
    gradient('bg', ['#134e4a', '#0f766e', '#14b8a6']),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
      `<circle cx="180" cy="560" r="260" fill="#ffffff" fill-opacity="0.06"/>` +
      card(520, 120, -12, '#0f172a', 0.85) +
      card(610, 230, 6, '#2563eb', 0.92) +
      coin(300, 250, 70) +
      coin(400, 380, 52) +
      coin(230, 420, 40),
  )
}

/** Paired bars: the rate as advertised against what the borrower really pays. */
function consumerCreditRates(): string {
  const pairs = [
    [6.2, 9.1],
    [8.5, 14.0],
    [12.0, 18.3],
    [15.5, 23.6],
    [18.0, 27.4],
  ]
  const x0 = 150
  const scale = 34
  const rows = pairs
    .map(([quoted, real], i) => {
      const y = 95 + i * 105
      return (
        `<rect x="${x0}" y="${y}" width="${quoted * scale}" height="34" rx="6" fill="#94a3b8"/>` +
        `<rect x="${x0}" y="${y + 42}" width="${real * scale}" height="34" rx="6" fill="#d64541"/>`
      )
    })
    .join('')
  const ticks = Array.from({ length: 7 }, (_, i) => x0 + i * 5 * scale)
    .map((x) => `<line x1="${x}" y1="75" x2="${x}" y2="610" stroke="#64748b" stroke-opacity="0.18"/>`)
    .join('')
  return svgDocument(
    gradient('bg', ['#ffffff', '#f1f5f9'], 'vertical'),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
      ticks +
      rows +
      `<line x1="${x0}" y1="75" x2="${x0}" y2="610" stroke="#334155" stroke-width="3"/>`,
  )
}

/** A yield curve sliding down over a dark market-screen background. */
function wealthYieldCover(): string {
  const yields = [2.62, 2.58, 2.61, 2.52, 2.47, 2.49, 2.41, 2.33, 2.36, 2.27, 2.18, 2.2, 2.11, 2.02, 1.98, 1.91]
  const box = { x0: 60, y0: 110, x1: 1140, y1: 560 }
  const points = plot(yields, box, 1.6, 2.8)
  const area = `${pathOf(points)} L${box.x1} ${box.y1 + 80} L${box.x0} ${box.y1 + 80} Z`
  const candles = yields
    .map((value, i) => {
      const [x] = points[i]
      const height = 30 + ((i * 37) % 70)
      const up = i % 3 === 0
      return `<rect x="${x - 9}" y="${H - 20 - height}" width="18" height="${height}" rx="3" fill="${up ? '#ef4444' : '#22c55e'}" fill-opacity="0.35"/>`
    })
    .join('')
  return svgDocument(
    gradient('bg', ['#0f172a', '#111827', '#1e293b']) + fade('area', '#f2b134', 0.35),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
      gridLines(box, 5, '#94a3b8', 0.12) +
      candles +
      `<path d="${area}" fill="url(#area)"/>` +
      `<path d="${pathOf(points)}" fill="none" stroke="#f2b134" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>` +
      circles(points.slice(-1), 22, '#f2b134', 'fill-opacity="0.25"') +
      circles(points.slice(-1), 10, '#f2b134'),
  )
}

/** A donut of product types with a colour key drawn as bars instead of words. */
function wealthProductMix(): string {
  const shares = [
    { share: 0.46, colour: '#1d4e89' },
    { share: 0.24, colour: '#3b82f6' },
    { share: 0.14, colour: '#f2b134' },
    { share: 0.1, colour: '#d64541' },
    { share: 0.06, colour: '#94a3b8' },
  ]
  const cx = 380
  const cy = 338
  const r = 200
  const circumference = 2 * Math.PI * r
  let offset = 0
  const segments = shares
    .map(({ share, colour }) => {
      const length = share * circumference
      const segment = `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${colour}" stroke-width="90" stroke-dasharray="${(length - 6).toFixed(1)} ${(circumference - length + 6).toFixed(1)}" stroke-dashoffset="${(-offset).toFixed(1)}" transform="rotate(-90 ${cx} ${cy})"/>`
      offset += length
      return segment
    })
    .join('')
  const key = shares
    .map(({ share, colour }, i) => {
      const y = 170 + i * 76
      return (
        `<rect x="720" y="${y}" width="40" height="40" rx="8" fill="${colour}"/>` +
        `<rect x="785" y="${y + 12}" width="${share * 700}" height="16" rx="8" fill="${colour}" fill-opacity="0.45"/>`
      )
    })
    .join('')
  return svgDocument(
    gradient('bg', ['#ffffff', '#f1f5f9'], 'vertical'),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>` + segments + `<circle cx="${cx}" cy="${cy}" r="120" fill="#ffffff"/>` + key,
  )
}

/** Umbrella, shield and a row of people: cover for many, in shapes. */
function insuranceCover(): string {
  const cx = 760
  const cy = 300
  const r = 230
  const scallops = [0.5, 0, -0.5, -1].map((k) => `A${r / 4} ${r / 4} 0 0 0 ${cx + r * k} ${cy}`).join(' ')
  const umbrella =
    `<path d="M${cx - r} ${cy} A${r} ${r} 0 0 1 ${cx + r} ${cy} ${scallops} Z" fill="#fef3c7" fill-opacity="0.95"/>` +
    `<path d="M${cx} ${cy - r} Q${cx - 60} ${cy - 90} ${cx - r / 2} ${cy}" fill="none" stroke="#f59e0b" stroke-width="4"/>` +
    `<path d="M${cx} ${cy - r} Q${cx + 60} ${cy - 90} ${cx + r / 2} ${cy}" fill="none" stroke="#f59e0b" stroke-width="4"/>` +
    `<path d="M${cx} ${cy} L${cx} ${cy + 160} A28 28 0 0 1 ${cx - 56} ${cy + 160}" fill="none" stroke="#fef3c7" stroke-width="12" stroke-linecap="round"/>`
  const person = (x: number, scale: number, colour: string) => {
    const head = 26 * scale
    const baseY = 620
    return (
      `<circle cx="${x}" cy="${baseY - 120 * scale}" r="${head}" fill="${colour}"/>` +
      `<path d="M${x - 50 * scale} ${baseY} Q${x - 50 * scale} ${baseY - 85 * scale} ${x} ${baseY - 85 * scale} Q${x + 50 * scale} ${baseY - 85 * scale} ${x + 50 * scale} ${baseY} Z" fill="${colour}"/>`
    )
  }
  const shield = `<path d="M200 120 L320 80 L440 120 L440 260 Q440 380 320 440 Q200 380 200 260 Z" fill="#ffffff" fill-opacity="0.16" stroke="#fef3c7" stroke-width="6"/>` +
    `<path d="M265 260 L305 300 L380 215" fill="none" stroke="#fef3c7" stroke-width="14" stroke-linecap="round" stroke-linejoin="round"/>`
  return svgDocument(
    gradient('bg', ['#7c2d12', '#c2410c', '#f97316']),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
      `<circle cx="1100" cy="600" r="260" fill="#ffffff" fill-opacity="0.06"/>` +
      shield +
      umbrella +
      person(620, 0.9, '#7c2d12') +
      person(700, 1.05, '#9a3412') +
      person(800, 1, '#7c2d12') +
      person(890, 0.85, '#9a3412'),
  )
}

/** Enrolment still rising, its growth rate flattening: bars with a slowing line. */
function insuranceGrowth(): string {
  const enrolled = [0.4, 1.0, 1.7, 2.3, 2.8, 3.1, 3.3]
  const growth = [0, 150, 70, 35, 22, 11, 6]
  const x0 = 150
  const barWidth = 90
  const gap = 50
  const base = 590
  const bars = enrolled
    .map((value, i) => {
      const height = value * 140
      return `<rect x="${x0 + i * (barWidth + gap)}" y="${base - height}" width="${barWidth}" height="${height}" rx="8" fill="#c2410c" fill-opacity="${0.45 + i * 0.08}"/>`
    })
    .join('')
  const line: Point[] = growth.slice(1).map((value, i) => [x0 + (i + 1) * (barWidth + gap) + barWidth / 2, 110 + (150 - value) * 1.6])
  return svgDocument(
    gradient('bg', ['#fffbeb', '#fef3c7'], 'vertical'),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
      gridLines({ x0: 120, y0: 100, x1: 1130, y1: base }, 5, '#78350f', 0.15) +
      bars +
      `<path d="${pathOf(line)}" fill="none" stroke="#1d4e89" stroke-width="5" stroke-dasharray="14 8" stroke-linecap="round"/>` +
      circles(line, 9, '#1d4e89', 'stroke="#ffffff" stroke-width="3"') +
      `<line x1="120" y1="${base}" x2="1130" y2="${base}" stroke="#78350f" stroke-width="3"/>`,
  )
}

const CREDIT = '财经观察网制图'

export const DEMO_IMAGES = {
  reserveRatioCover: {
    filename: 'reserve-ratio-cover.png',
    alt: '深蓝色背景上一组逐级降低的柱形，金色折线连接各柱顶端',
    caption: '存款准备金率调整示意图',
    credit: CREDIT,
    svg: reserveRatioCover,
  },
  reserveRatioSteps: {
    filename: 'reserve-ratio-steps.png',
    alt: '阶梯状折线图：一条蓝色折线分多次台阶式下降，每次下降处以红点标出',
    caption: '金融机构加权平均存款准备金率历次调整示意',
    credit: CREDIT,
    svg: reserveRatioSteps,
  },
  consumerCreditCover: {
    filename: 'consumer-credit-cover.png',
    alt: '青绿色背景上两张倾斜的银行卡和三枚金色硬币',
    caption: '消费信贷示意图',
    credit: CREDIT,
    svg: consumerCreditCover,
  },
  consumerCreditRates: {
    filename: 'consumer-credit-rates.png',
    alt: '横向条形图：五组灰色与红色条形成对排列，红色条均长于同组灰色条',
    caption: '宣传费率与实际年化成本对比示意',
    credit: CREDIT,
    svg: consumerCreditRates,
  },
  wealthYieldCover: {
    filename: 'wealth-yield-cover.png',
    alt: '深色背景上一条金色收益率曲线自左向右波动下行，下方为半透明柱形',
    caption: '理财产品收益率走势示意图',
    credit: CREDIT,
    svg: wealthYieldCover,
  },
  wealthProductMix: {
    filename: 'wealth-product-mix.png',
    alt: '环形图分为五段，深蓝色一段约占近一半，右侧为对应颜色的图例条',
    caption: '银行理财存续规模按产品类型分布示意',
    credit: CREDIT,
    svg: wealthProductMix,
  },
  insuranceCover: {
    filename: 'insurance-cover.png',
    alt: '橙色背景上一把米色雨伞遮住四个人形剪影，左侧有一枚带对勾的盾牌',
    caption: '普惠保险示意图',
    credit: CREDIT,
    svg: insuranceCover,
  },
  insuranceGrowth: {
    filename: 'insurance-growth.png',
    alt: '柱形图：七根橙色柱逐年升高，蓝色虚线所示增速逐年放缓',
    caption: '城市定制型商业医疗保险参保人次与增速示意',
    credit: CREDIT,
    svg: insuranceGrowth,
  },
} satisfies Record<string, DemoImage>

export type ImageKey = keyof typeof DEMO_IMAGES

export async function renderPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()
}

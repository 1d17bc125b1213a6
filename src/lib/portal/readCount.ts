/** A count as Chinese portals print it: 9,876 as 9876, 12,345 as 1.2万, 123,456,789 as 1.2亿. */
export function readCount(count: number): string {
  const scaled = (value: number, unit: string) => `${(Math.floor(value * 10) / 10).toString()}${unit}`
  if (count >= 100_000_000) return scaled(count / 100_000_000, '亿')
  if (count >= 10_000) return scaled(count / 10_000, '万')
  return String(Math.max(0, Math.floor(count)))
}

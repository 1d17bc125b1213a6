// `npm run bench`: benchmarks, not tests. Numbers depend on the machine, so nothing here passes or
// fails a build; the content-API section compares itself with the targets and says so.
//   screening      the word-screening engine against naive baselines (src/scripts/bench/screening.ts)
//   plain … graphql  the content API on a seeded PostgreSQL corpus (src/scripts/bench/contentApi.ts)
// Options: --only NAME[,NAME] --articles N --duration S --connections C --reuse --keep (docs/benchmarks.md).
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'

import { PROJECT_ROOT } from '../lib/runtime/projectRoot'
import { API_BENCHMARKS, type ApiBenchmarkName, type ApiOptions, benchmarkContentApi } from './bench/contentApi'
import { hadErrors, machine, printApiReport, targets, writeResults } from './bench/report'
import { type Row, screeningBenchmark } from './bench/screening'

const BENCHMARKS = ['screening', ...API_BENCHMARKS] as const
type BenchmarkName = (typeof BENCHMARKS)[number]

type Options = ApiOptions & { only: BenchmarkName[] }

const USAGE = `usage: npm run bench -- [--only ${BENCHMARKS.join(',')}] [--articles 10000] [--duration 10] [--connections 20] [--reuse] [--keep]`

const OPTIONS = {
  only: { type: 'string' },
  articles: { type: 'string', default: '10000' },
  duration: { type: 'string', default: '10' },
  connections: { type: 'string', default: '20' },
  reuse: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
} as const

function parseOptions(argv: string[]): Options {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values']
  try {
    values = parseArgs({ args: argv, options: OPTIONS }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const only = values.only ? values.only.split(',').map((name) => name.trim()) : [...BENCHMARKS]
  const unknown = only.filter((name) => !(BENCHMARKS as readonly string[]).includes(name))
  if (unknown.length > 0) throw new UsageError(`unknown benchmark ${unknown.join(', ')}`)
  return {
    only: only as BenchmarkName[],
    articles: positiveInteger('--articles', values.articles),
    durationSeconds: positiveInteger('--duration', values.duration),
    connections: positiveInteger('--connections', values.connections),
    reuse: values.reuse,
    keep: values.keep,
  }
}

function positiveInteger(option: string, value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${option} takes a whole number above 0, not ${value}`)
  return number
}

class UsageError extends Error {}

function runScreening(): Row[] {
  const started = performance.now()
  console.log(`\nscreening: ${screeningBenchmark.description} (medians in milliseconds)`)
  const rows = screeningBenchmark.run()
  console.table(rows)
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`)
  return rows
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const startedAt = new Date()
  const host = machine()
  console.log(`node ${host.node}, ${host.platform}, ${host.cpus} × ${host.cpuModel}, ${host.memoryGiB} GiB; load average ${host.loadAverageAtStart.join(' ')}`)
  const results: Record<string, unknown> = { date: startedAt.toISOString(), machine: host, options }

  if (options.only.includes('screening')) results.screening = runScreening()

  const api = options.only.filter((name): name is ApiBenchmarkName => name !== 'screening')
  if (api.length > 0) {
    const report = await benchmarkContentApi(options, api)
    const targetList = targets(report, options.connections)
    printApiReport(report, targetList, options)
    Object.assign(results, { contentApi: report, targets: targetList })
    if (report.stages.flatMap((stage) => stage.measurements).some(hadErrors)) process.exitCode = 1
  }

  const file = await writeResults(results, startedAt)
  console.log(`\nresults: ${path.relative(PROJECT_ROOT, file)}`)
}

main().then(
  // Payload's database adapter keeps a connection after it is closed (see closePayload): on a
  // DATABASE_URL server, that alone would keep the process waiting.
  () => process.exit(),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error)
    process.exit(error instanceof UsageError ? 2 : 1)
  },
)

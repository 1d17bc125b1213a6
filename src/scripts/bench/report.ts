/** The benchmark's output: a table and the targets on stdout, and the same figures as JSON. */
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { PROJECT_ROOT } from '../../lib/runtime/projectRoot'
import type { ApiBenchmarkName, ApiReport, Measurement } from './contentApi'
import type { LoadResult } from './load'
import { formatDuration } from './progress'

const RESULTS_DIR = path.join(PROJECT_ROOT, 'bench', 'results')

export type Machine = { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string; loadAverageAtStart: number[] }

export function machine(): Machine {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    // Anything else busy on the machine (a test run, say) lowers every figure: worth knowing.
    loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))),
  }
}

export type Target = { name: string; value: number | null; unit: string; goal: string; verdict: 'PASS' | 'MISS' | 'n/a'; note?: string }

const resultOf = (measurements: Measurement[], name: ApiBenchmarkName): LoadResult | null => {
  const found = measurements.find((measurement) => measurement.name === name)
  return found && 'result' in found ? found.result : null
}

export const errorCount = (result: LoadResult) => result.non2xx + result.errors + result.badBodies

/** The issue's three targets, each with the figures it compares. */
export function targets(report: ApiReport, connections: number): Target[] {
  const { measurements } = report
  const ratio = (name: string, over: ApiBenchmarkName, under: ApiBenchmarkName, atLeast: number): Target => {
    const top = resultOf(measurements, over)
    const bottom = resultOf(measurements, under)
    const goal = `>= ${atLeast}x`
    if (!top || !bottom || bottom.requestsPerSecond === 0) return { name, value: null, unit: 'x', goal, verdict: 'n/a', note: `needs ${over} and ${under}` }
    const value = Number((top.requestsPerSecond / bottom.requestsPerSecond).toFixed(2))
    const note = errorCount(top) + errorCount(bottom) > 0 ? 'a run had errors' : undefined
    return { name, value, unit: 'x', goal, verdict: value >= atLeast ? 'PASS' : 'MISS', note }
  }
  const search = resultOf(measurements, 'search')
  const searchTarget: Target = !search
    ? { name: 'search p99', value: null, unit: 'ms', goal: '< 50 ms at 20 connections', verdict: 'n/a', note: 'search not run' }
    : {
        name: 'search p99',
        value: search.p99Ms,
        unit: 'ms',
        goal: '< 50 ms at 20 connections',
        // The target is set at 20 connections; at another count the figure is shown but not judged.
        verdict: connections !== 20 ? 'n/a' : search.p99Ms < 50 ? 'PASS' : 'MISS',
        note: connections !== 20 ? `measured at ${connections} connections` : errorCount(search) > 0 ? 'the run had errors' : undefined,
      }
  return [
    ratio('cached page / plain Express', 'page-cached', 'plain', 0.8),
    ratio('uncached page / default find', 'page-uncached', 'default-find', 2),
    searchTarget,
  ]
}

export function printApiReport(report: ApiReport, targetList: Target[], settings: { connections: number; durationSeconds: number }): void {
  console.log(`\ncontent API: ${settings.connections} connections, ${settings.durationSeconds} s each after a 2 s warm-up; PostgreSQL ${report.postgres}`)
  console.log(describeCorpus(report.seeding))
  const rows = report.measurements.map((measurement) =>
    'result' in measurement
      ? [
          measurement.name,
          String(measurement.result.requestsPerSecond),
          String(measurement.result.p50Ms),
          String(measurement.result.p99Ms),
          percent(measurement.result.serverCpuPercent),
          percent(measurement.result.machineCpuPercent),
          measurement.cache ?? '-',
          describeErrors(measurement.result),
        ]
      : [measurement.name, '-', '-', '-', '-', '-', '-', `not measured: ${measurement.failed}`],
  )
  console.log(formatTable(['name', 'req/s', 'p50 ms', 'p99 ms', 'server CPU', 'machine CPU', 'cache', 'errors'], rows))
  console.log(`(CPU: percent of one core; the machine has ${os.cpus().length} cores, so ${os.cpus().length * 100}% is all of it. cache: the response-cache header after the run)`)
  console.log('')
  for (const measurement of report.measurements) console.log(`  ${measurement.name.padEnd(14)} ${measurement.description}`)
  console.log('\ntargets:')
  for (const target of targetList) {
    const value = target.value === null ? '-' : `${target.value}${target.unit === 'x' ? 'x' : ' ms'}`
    console.log(`  ${target.name.padEnd(30)} ${value.padStart(9)}  (${target.goal})  ${target.verdict}${target.note ? `  [${target.note}]` : ''}`)
  }
  const failed = report.measurements.filter((measurement) => !('result' in measurement) || errorCount(measurement.result) > 0)
  if (failed.length > 0) console.log(`\nRUNS WITH ERRORS: ${failed.map((measurement) => measurement.name).join(', ')}`)
}

function describeCorpus(seeding: ApiReport['seeding']): string {
  const size = `${seeding.articles.toLocaleString('en')} articles, ${seeding.comments.toLocaleString('en')} approved comments`
  if ('reused' in seeding) return `corpus: ${size}, reused (--reuse)`
  const { seconds } = seeding
  return `corpus: ${size}, ${seeding.readers} readers, seeded in ${formatDuration(seconds.total)} (references ${formatDuration(seconds.setup)}, articles ${formatDuration(seconds.articles)} at ${Math.round(seeding.articles / seconds.articles)}/s, comments ${formatDuration(seconds.comments)})`
}

/** "0", or the count with what it was: statuses other than 2xx, connection errors, bad bodies. */
function describeErrors(result: LoadResult): string {
  const total = errorCount(result)
  if (total === 0) return '0'
  const parts = [
    ...Object.entries(result.statusCodes).map(([status, count]) => `${count}x ${status}`),
    ...(result.errors > 0 ? [`${result.errors} connection errors/timeouts`] : []),
    ...(result.badBodies > 0 ? [`${result.badBodies} error bodies`] : []),
  ]
  return `${total} (${parts.join(', ')})`
}

const percent = (value: number | null) => (value === null ? '-' : `${value}%`)

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)))
  // Numbers right-aligned, text left-aligned.
  const cell = (text: string, column: number) => (column > 0 && column < header.length - 2 ? text.padStart(widths[column]) : text.padEnd(widths[column]))
  const line = (row: string[]) => row.map(cell).join('  ').trimEnd()
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n')
}

/** `bench/results/2026-05-20T15-42-07Z.json` (or in `dir`): an ISO time, with colons a Windows checkout accepts. */
export async function writeResults(results: Record<string, unknown>, at: Date, dir = RESULTS_DIR): Promise<string> {
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, `${at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`)
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`)
  return file
}

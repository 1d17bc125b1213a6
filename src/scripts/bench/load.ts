/** Load generation with autocannon: a short unmeasured warm-up, then the measured run. */
import autocannon from 'autocannon'

import { cpuPercent, sampleCpu } from './cpu'

export type LoadTarget = {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  /** A new path (and query) for every request, e.g. a random slug's; else `url` every time. */
  nextPath?: () => string
  /** A 200 whose body fails this counts as an error (GraphQL reports errors with a 200). */
  bodyIsGood?: (body: string) => boolean
}

export type LoadSettings = { connections: number; durationSeconds: number; warmUpSeconds: number }

export type LoadResult = {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** Responses other than 2xx, by status. */
  statusCodes: Record<string, number>
  non2xx: number
  /** Connection errors and timeouts. */
  errors: number
  /** 200s whose body said something went wrong. */
  badBodies: number
  bytesPerSecond: number
  /** During the measured run: percent of one core the server used, and the machine's total (null off Linux). */
  serverCpuPercent: number | null
  machineCpuPercent: number | null
}

/** `serverPid`: the process answering, whose CPU use is recorded. */
export async function measure(target: LoadTarget, settings: LoadSettings, serverPid: number): Promise<LoadResult> {
  await run(target, settings.connections, settings.warmUpSeconds)
  const before = await sampleCpu(serverPid)
  const result = await run(target, settings.connections, settings.durationSeconds)
  const cpu = cpuPercent(before, await sampleCpu(serverPid))
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => !status.startsWith('2'))
      .map(([status, stats]) => [status, stats.count ?? 0]),
  )
  return {
    requestsPerSecond: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    statusCodes,
    non2xx: result.non2xx,
    errors: result.errors,
    badBodies: result.mismatches,
    bytesPerSecond: round(result.throughput.average, 0),
    serverCpuPercent: cpu.process,
    machineCpuPercent: cpu.machine,
  }
}

/**
 * A steady load of `perSecond` requests for `seconds`, beside a measured run (say, the views a busy
 * portal's readers send while its pages are read): what was sent, and what failed.
 */
export async function steadyLoad(target: LoadTarget, perSecond: number, seconds: number): Promise<{ requestsPerSecond: number; failed: number }> {
  const result = await run(target, 10, seconds, perSecond)
  return { requestsPerSecond: round(result.requests.average, 0), failed: result.non2xx + result.errors + result.mismatches }
}

function run(target: LoadTarget, connections: number, duration: number, overallRate?: number): Promise<autocannon.Result> {
  const { nextPath, bodyIsGood } = target
  return autocannon({
    url: target.url,
    connections,
    duration,
    overallRate,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    requests: nextPath ? [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }] : undefined,
    verifyBody: bodyIsGood && ((body) => bodyIsGood(String(body))),
  })
}

const round = (value: number, digits: number) => Number(value.toFixed(digits))

/**
 * Where the CPU went during a run: the server process's share and the whole machine's, from Linux's
 * /proc (null elsewhere). A server at 100% of one core is its own bottleneck, whatever PostgreSQL
 * does; a machine at 100% of every core is everyone's.
 */
import { readFile } from 'node:fs/promises'

/** Linux reports CPU times in USER_HZ ticks, 100 a second on every architecture Node.js runs on. */
const TICKS_PER_SECOND = 100

export type CpuSample = { at: number; process: number | null; machine: number | null }

export async function sampleCpu(pid: number): Promise<CpuSample> {
  return { at: performance.now(), process: await processTicks(pid), machine: await machineBusyTicks() }
}

/** Percent of one core used by the process, and by the machine in all (200% is two cores flat out). */
export function cpuPercent(from: CpuSample, to: CpuSample): { process: number | null; machine: number | null } {
  const seconds = (to.at - from.at) / 1000
  const percent = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round(((b - a) / TICKS_PER_SECOND / seconds) * 100))
  return { process: percent(from.process, to.process), machine: percent(from.machine, to.machine) }
}

async function processTicks(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null)
  if (!stat) return null
  // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

async function machineBusyTicks(): Promise<number | null> {
  const stat = await readFile('/proc/stat', 'utf8').catch(() => null)
  const total = stat?.split('\n')[0]
  if (!total?.startsWith('cpu ')) return null
  // user nice system idle iowait irq softirq steal (guest time is already in user): all but idle and iowait is work.
  const ticks = total.trim().split(/\s+/).slice(1, 9).map(Number)
  return ticks.reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0)
}

/** The process's resident memory in MiB (null off Linux, or once it is gone). */
export async function residentMiB(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null)
  const kib = status && /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
  return kib ? Math.round(Number(kib) / 1024) : null
}

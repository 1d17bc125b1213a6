/**
 * A one-line progress bar on stderr, rewritten in place with `\r`: count, rate and time left.
 * Redrawn at most four times a second, so a log file of the run does not fill up with it.
 */
export type Progress = { tick: (by?: number) => void; done: () => number }

const WIDTH = 30
const REDRAW_MS = 250

export function progressBar(label: string, total: number): Progress {
  const started = Date.now()
  let count = 0
  let drawnAt = 0
  const draw = () => {
    const seconds = (Date.now() - started) / 1000
    const rate = seconds > 0 ? count / seconds : 0
    const filled = total === 0 ? WIDTH : Math.round((count / total) * WIDTH)
    const left = rate > 0 ? formatDuration((total - count) / rate) : '--:--'
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${count.toLocaleString('en')}/${total.toLocaleString('en')}  ${rate.toFixed(0)}/s  ETA ${left}  `,
    )
    drawnAt = Date.now()
  }
  return {
    tick(by = 1) {
      count += by
      if (Date.now() - drawnAt >= REDRAW_MS || count === total) draw()
    },
    /** Draws the final state, ends the line and returns the seconds taken. */
    done() {
      draw()
      const seconds = (Date.now() - started) / 1000
      process.stderr.write(`in ${formatDuration(seconds)}\n`)
      return seconds
    },
  }
}

export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

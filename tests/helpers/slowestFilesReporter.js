import path from 'node:path'

const SHOWN = 10

/** After the run, the ten test files that took longest: where to look first when the suite slows down. */
export default class SlowestFilesReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir
    this.durations = []
  }

  onTestResult(test, result) {
    const { start, end } = result.perfStats
    if (start && end) this.durations.push({ file: path.relative(this.rootDir, test.path), seconds: (end - start) / 1000 })
  }

  onRunComplete() {
    if (this.durations.length < 2) return
    const slowest = this.durations.sort((a, b) => b.seconds - a.seconds).slice(0, SHOWN)
    const width = Math.max(...slowest.map(({ file }) => file.length))
    const lines = slowest.map(({ file, seconds }) => `  ${file.padEnd(width)}  ${seconds.toFixed(1).padStart(6)} s`)
    process.stderr.write(`\nThe ${slowest.length} slowest test files:\n${lines.join('\n')}\n`)
  }
}

/**
 * What the benchmark started (servers, a database, an embedded PostgreSQL), undone newest first when
 * it ends, fails or is interrupted with Ctrl-C: nothing is left running or lying about.
 */
export class Teardown {
  private steps: { name: string; run: () => Promise<unknown> }[] = []
  private readonly onSignal = () => {
    process.stderr.write('\ninterrupted: stopping what the benchmark started…\n')
    // Work still in flight (a seed writing to the database being dropped) fails from here on: that
    // is expected, and must not cut the clean-up short.
    process.on('uncaughtException', () => {})
    void this.run().finally(() => process.exit(130))
  }

  constructor() {
    process.once('SIGINT', this.onSignal)
    process.once('SIGTERM', this.onSignal)
  }

  /** Returns a function that runs this step now (and only once), e.g. to stop a server mid-run. */
  add(name: string, run: () => Promise<unknown>): () => Promise<void> {
    const step = { name, run }
    this.steps.push(step)
    return async () => {
      if (!this.steps.includes(step)) return
      this.steps = this.steps.filter((other) => other !== step)
      await run()
    }
  }

  async run(): Promise<void> {
    process.removeListener('SIGINT', this.onSignal)
    process.removeListener('SIGTERM', this.onSignal)
    for (const step of this.steps.reverse()) {
      await step.run().catch((error: unknown) => console.error(`${step.name} failed: ${(error as Error).message}`))
    }
    this.steps = []
  }
}

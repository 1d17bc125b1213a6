import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

import { ROOT_DIR, startServer, type TestServer } from './server'

/** Debian's Chromium, when the machine has it: playwright-core drives it and downloads no browser of its own. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
/** Full-page screenshots, one per browser window per test (ignored by git). */
export const ARTIFACTS_DIR = path.join(ROOT_DIR, 'tests/e2e/artifacts')
const AXE_SCRIPT = path.join(ROOT_DIR, 'node_modules/axe-core/axe.min.js')

/**
 * Debian's Chromium when it is installed, else the one the `@sparticuz/chromium` dev dependency ships
 * inside its package (unpacked to the temp directory on first use), so `npm ci && npm test` needs no
 * browser on the machine. `TEST_CHROMIUM=npm` asks for the packaged one even where Debian's is there.
 * The package unpacks to one path and takes it as ready once it exists, so the run's global setup
 * unpacks it before the test files start: two files unpacking at once launched a half-written binary.
 */
export async function chromiumPath(): Promise<string> {
  if (process.env.TEST_CHROMIUM !== 'npm' && existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM
  const { default: packaged } = await import('@sparticuz/chromium')
  return packaged.executablePath()
}

/** Launches Chromium with a fresh profile; warns once when no Chinese font will draw the screenshots' text. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumPath()
  if (!hasChineseFont()) console.warn('No Chinese font on this machine: the screenshots in tests/e2e/artifacts show Chinese as boxes (the assertions read text, not pixels). `apt-get install fonts-wqy-microhei` adds one.')
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
}

/** Whether fontconfig knows a font with Chinese glyphs (false where fontconfig itself is missing). */
function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== ''
  } catch {
    return false
  }
}

type ExpectedError = { status: number; url: RegExp }

/**
 * One person at their own browser (own cookies), watched: a console error, an uncaught exception, a
 * failed request or an HTTP error the test did not announce with `expectError` is a problem, and
 * any problem fails the test.
 */
export class Visitor {
  readonly problems: string[] = []
  private readonly expected: ExpectedError[] = []

  constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    context.on('console', (message) => {
      if (message.type() !== 'error') return
      const url = message.location().url
      // Chromium's own line for an HTTP error response, already judged by the 'response' listener.
      if (/^Failed to load resource: the server responded with a status of \d+/.test(message.text()) && this.isExpected(url)) return
      this.problems.push(`console error: ${message.text()} (${url})`)
    })
    context.on('weberror', (error) => this.problems.push(`uncaught exception: ${error.error().stack ?? error.error().message}`))
    context.on('requestfailed', (request) => {
      const error = request.failure()?.errorText
      // Cancelled by the page itself (a navigation, or a newer request of the admin's form superseding
      // an older one): nothing failed.
      if (error === 'net::ERR_ABORTED') return
      this.problems.push(`request failed: ${request.method()} ${request.url()}: ${error}`)
    })
    context.on('response', async (response) => {
      if (response.status() < 400 || this.isExpected(response.url(), response.status())) return
      const problem = `HTTP ${response.status()}: ${response.request().method()} ${response.url()}`
      this.problems.push(problem)
      // The server's reason, for the report: read after the fact, so it may be gone with its page.
      const reason = await response.text().catch(() => '')
      if (reason) this.problems[this.problems.indexOf(problem)] = `${problem}: ${reason.slice(0, 500)}`
    })
  }

  /** An error response the test is about (the 404 page, a refused comment): not a problem. */
  expectError(status: number, url: RegExp): void {
    this.expected.push({ status, url })
  }

  private isExpected(url: string, status?: number): boolean {
    return this.expected.some((expected) => expected.url.test(url) && (status === undefined || expected.status === status))
  }
}

export type BrowserTests = {
  server: () => TestServer
  /**
   * A new browser window with its own cookies, in Chinese and Beijing time unless told another time
   * zone; closed (after a screenshot) when the test ends.
   */
  visit: (name: string, options?: { timezoneId?: string }) => Promise<Visitor>
}

/**
 * For a browser test file: Chromium and one production server with the admin (a fresh database),
 * for all its tests. After each test every window it opened is saved as a full-page screenshot
 * under tests/e2e/artifacts/ and the test fails if any window had a problem.
 */
export function setUpBrowserTests(env: Record<string, string | undefined> = {}): BrowserTests {
  let browser: Browser | undefined
  let server: TestServer | undefined
  let visitors: Visitor[] = []

  beforeAll(async () => {
    // Chromium first: a machine without it fails in a second, not after the admin build.
    browser = await launchChromium()
    server = await startServer({ SERVE_ADMIN: 'true', ...env }, { readyWithinMs: 540_000 })
  }, 600_000)

  afterEach(async () => {
    const test = artifactName(expect.getState().currentTestName ?? 'test')
    const problems: string[] = []
    await mkdir(ARTIFACTS_DIR, { recursive: true })
    for (const visitor of visitors) {
      for (const [index, page] of visitor.context.pages().entries()) {
        const file = path.join(ARTIFACTS_DIR, `${test}--${visitor.name}${index ? `-${index + 1}` : ''}.png`)
        await page.screenshot({ path: file, fullPage: true }).catch((error: Error) => problems.push(`${visitor.name}: no screenshot: ${error.message}`))
      }
      problems.push(...visitor.problems.map((problem) => `${visitor.name}: ${problem}`))
    }
    await Promise.all(visitors.map((visitor) => visitor.context.close()))
    visitors = []
    if (problems.length > 0) throw new Error(`the browser saw problems:\n${problems.join('\n')}`)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  }, 60_000)

  return {
    server: () => {
      if (!server) throw new Error('the browser tests have no server: their set-up failed (see the first error)')
      return server
    },
    visit: async (name, options) => {
      const context = await browser!.newContext({
        baseURL: server!.url,
        locale: 'zh-CN',
        timezoneId: options?.timezoneId ?? 'Asia/Shanghai',
        viewport: { width: 1280, height: 900 },
      })
      const visitor = new Visitor(name, context, await context.newPage())
      visitors.push(visitor)
      return visitor
    },
  }
}

/** A test's name as a file name: Chinese kept, anything a file system dislikes dropped. */
function artifactName(testName: string): string {
  return testName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 120)
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe
    return (await axe.run(document, { resultTypes: ['violations'] })).violations
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)
}

import path from 'node:path'

import Sequencer from '@jest/test-sequencer'

const BROWSER_TESTS_DIR = `${path.sep}tests${path.sep}e2e${path.sep}`

/**
 * Jest's own order (failed first, then slowest first), except that the browser tests come last:
 * they are the slowest and need the admin build, and a broken API should fail fast before them.
 */
export default class BrowserTestsLast extends (Sequencer.default ?? Sequencer) {
  async sort(tests) {
    const sorted = await super.sort(tests)
    const isBrowserTest = (test) => test.path.includes(BROWSER_TESTS_DIR)
    return [...sorted.filter((test) => !isBrowserTest(test)), ...sorted.filter(isBrowserTest)]
  }
}

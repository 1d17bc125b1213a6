import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { ROOT_DIR } from '../helpers/server'

/** The manuals a newcomer reads: the README and every page under docs/. */
const PAGES = ['README.md', ...readdirSync(path.join(ROOT_DIR, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)]
const text = (page: string) => readFileSync(path.join(ROOT_DIR, page), 'utf8')
/** Folders git ignores (test artifacts, builds): a manual may name them before any run has made them. */
const MADE_BY_RUNS = text('.gitignore')
  .split('\n')
  .filter((line) => line.endsWith('/') && !line.startsWith('#'))
  .map((line) => line.replace(/^\//, ''))
/** Code blocks are examples, not links. */
const prose = (page: string) => text(page).replace(/```[\s\S]*?```/g, '')

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')

const anchorsOf = (page: string) => new Set([...prose(page).matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => anchorOf(match[1])))

describe('the docs', () => {
  it.each(PAGES)('%s: every relative link leads to a file, and to a heading when it names one', (page) => {
    const broken: string[] = []
    for (const [, target] of prose(page).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue
      const [file, anchor] = target.split('#')
      const resolved = file ? path.join(path.dirname(page), file) : page
      if (!existsSync(path.join(ROOT_DIR, resolved))) broken.push(`${target}: no ${resolved}`)
      else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) broken.push(`${target}: no heading #${anchor} in ${resolved}`)
    }
    expect(broken).toEqual([])
  })

  it.each(PAGES)('%s: every repository path it names in code (`src/…`, `tests/…`) exists', (page) => {
    const named = [...text(page).matchAll(/`((?:src|tests|migrations|bench|docs|media|\.ci)\/[^`\s*…]+)`/g)].map((match) => match[1])
    const kept = named.filter((file) => !MADE_BY_RUNS.some((folder) => file.startsWith(folder)))
    expect(kept.filter((file) => !existsSync(path.join(ROOT_DIR, file.replace(/[.,:;]$/, ''))))).toEqual([])
  })

  it.each(PAGES)('%s: every `npm run` script it names exists', (page) => {
    const scripts = Object.keys((JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts)
    const named = [...text(page).matchAll(/npm run ([a-z][\w:-]*)/g)].map((match) => match[1])
    expect(named.filter((script) => !scripts.includes(script))).toEqual([])
  })
})

// Bundles the server (src/server.ts with payload.config.ts, collections and migrations) into
// dist/server.mjs, with every npm package left external. The server then runs on plain Node.js:
// no TypeScript loader hooks at run time, whose dynamic imports were seen to stall under load.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildSync } from 'esbuild'

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export const SERVER_BUNDLE = path.join(rootDir, 'dist', 'server.mjs')

export function buildServer() {
  buildSync({
    entryPoints: [path.join(rootDir, 'src', 'server.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    tsconfig: path.join(rootDir, 'tsconfig.json'),
  })
  return SERVER_BUNDLE
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildServer()

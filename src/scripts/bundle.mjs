// Bundles what runs on the server into dist/, so it runs on plain Node.js with no TypeScript
// loader hooks (their dynamic imports were seen to stall under load):
//   dist/server.mjs          src/server.ts, with payload.config.ts, collections and migrations
//   dist/payload.config.mjs  the config alone, for Payload's CLI
//   dist/payload-cli.mjs     src/scripts/payloadCli.ts, which runs that CLI on the right database
//   dist/search-rebuild.mjs  src/scripts/rebuildSearch.ts, which re-indexes every published article
//   dist/import.mjs          src/scripts/import.ts, `npm run import`: an archive from another CMS
//   dist/bench.mjs           src/scripts/bench.ts, `npm run bench`
//   dist/bench-plain-server.mjs  src/scripts/bench/plainServer.ts, the benchmark's plain Express baseline
//   dist/soak.mjs            src/scripts/soak.ts, `npm run soak`: mixed load with its invariants checked
//   dist/backup.mjs, dist/restore.mjs  src/scripts/backup.ts and restore.ts, `npm run backup` / `restore`
//
// npm packages stay external, except Lexical: its Node entry points pick their build with a
// top-level `await import()`, and on Node 20 loading a dozen such modules that import each other
// leaves a top-level await unsettled about half the time (the process exits with code 13 before
// running a line of ours). Bundled, those awaits run inside one module and always settle.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const BUNDLED_PACKAGES = /^(lexical|@lexical\/|@payloadcms\/richtext-lexical)/

const externalExceptLexical = {
  name: 'external-except-lexical',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (BUNDLED_PACKAGES.test(args.path)) return undefined
      return { path: args.path, external: true }
    })
  },
}

export async function bundle() {
  await build({
    entryPoints: {
      server: path.join(rootDir, 'src', 'server.ts'),
      'payload.config': path.join(rootDir, 'payload.config.ts'),
      'payload-cli': path.join(rootDir, 'src', 'scripts', 'payloadCli.ts'),
      'search-rebuild': path.join(rootDir, 'src', 'scripts', 'rebuildSearch.ts'),
      import: path.join(rootDir, 'src', 'scripts', 'import.ts'),
      bench: path.join(rootDir, 'src', 'scripts', 'bench.ts'),
      'bench-plain-server': path.join(rootDir, 'src', 'scripts', 'bench', 'plainServer.ts'),
      soak: path.join(rootDir, 'src', 'scripts', 'soak.ts'),
      backup: path.join(rootDir, 'src', 'scripts', 'backup.ts'),
      restore: path.join(rootDir, 'src', 'scripts', 'restore.ts'),
    },
    outdir: path.join(rootDir, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [externalExceptLexical],
    sourcemap: 'linked',
    logLevel: 'warning',
    tsconfig: path.join(rootDir, 'tsconfig.json'),
  })
}

// No top-level await: jest's global setup loads this module too, and it cannot load one that has it.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  bundle().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

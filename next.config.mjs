import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Next.js serves the admin panel and the reader portal; the API is served by Express (src/server.ts). */
const nextConfig = {
  poweredByHeader: false,
  // NEXT_DIST_DIR lets two test runs in one checkout keep separate builds (each rebuilds on change).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // CI type-checks the whole tree with `tsc --noEmit`; checking again here only slows `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Native addons cannot go into Next's bundles; the admin loads them from node_modules at run time.
  serverExternalPackages: ['@node-rs/jieba'],
  turbopack: { root: dirname },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })

// Payload asks every path for the colour-scheme client hint with `Critical-CH`, which makes a browser
// load each page twice on a first visit; only the admin uses the hint.
const payloadHeaders = config.headers
config.headers = async () =>
  (await payloadHeaders()).map((rule) => (rule.source === '/:path*' ? { ...rule, source: '/admin/:path*' } : rule))

export default config

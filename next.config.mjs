import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Next.js serves only the admin panel; the API is served by Express (src/server.ts). */
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

export default withPayload(nextConfig, { devBundleServerPackages: false })

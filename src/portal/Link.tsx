import type { AnchorHTMLAttributes } from 'react'

/**
 * The portal's links are plain links: every page is rendered per request, so Next's client-side
 * navigation would gain little, and its RSC fetches (prefetches and navigations alike) are abandoned
 * midway by the router, which a browser reports as failed requests. A full page load is one request.
 */
export default function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} />
}

import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'

/**
 * Addresses the server must not be made to reach on someone else's behalf (SSRF): this machine, the
 * private networks it may sit in, link-local ones (a cloud's metadata service lives at
 * 169.254.169.254) and those reserved for special use. Webhook receivers and imported images are
 * URLs from elsewhere, and must not reach inside. One list, used by both.
 */
const NOT_PUBLIC = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  // Unspecified, loopback and the old IPv4-compatible form.
  ['::', 96],
  // NAT64 reaches IPv4 addresses, private ones included.
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6')
}

/** True for anything but a public unicast address (IPv4-mapped IPv6 is judged as its IPv4 address). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '')
  const family = isIP(bare)
  if (family === 0) return true
  return NOT_PUBLIC.check(bare, family === 4 ? 'ipv4' : 'ipv6')
}

/** A URL's host as an address literal (brackets of an IPv6 one removed), or null for a name. */
function addressLiteral(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, '')
  return isIP(bare) !== 0 ? bare : null
}

/**
 * Why a host may not be reached, or null when nothing says it is private: an address literal is
 * judged as it is, `localhost` (and its subdomains) always refused, a name by every address DNS
 * gives for it (one private answer among public ones is enough). A name that does not resolve now
 * is not refused here: checking when a URL is saved tells the person saving it, but the connection
 * is what counts and is checked again (`publicOnlyLookup`), since a name can resolve differently by
 * then (DNS rebinding).
 */
export async function notPublicReason(hostname: string, resolve = resolveAll): Promise<string | null> {
  const literal = addressLiteral(hostname)
  if (literal !== null) return isPrivateAddress(literal) ? `${hostname} is not a public address` : null
  const name = hostname.toLowerCase().replace(/\.$/, '')
  if (name === 'localhost' || name.endsWith('.localhost')) return `${hostname} is this machine`
  const addresses = await resolve(hostname).catch(() => [] as string[])
  const refused = addresses.find(isPrivateAddress)
  return refused ? `${hostname} resolves to ${refused}, not a public address` : null
}

function resolveAll(hostname: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses.map((entry) => entry.address)))),
  )
}

/** A connection refused for its address: `address` is the one `host` resolved to, null when the host is that address. */
export class NotPublicAddress extends Error {
  constructor(
    readonly host: string,
    readonly address: string | null,
  ) {
    super(address === null ? `${host} is not a public address` : `${host} resolves to ${address}, not a public address`)
  }
}

/** Refuses a URL whose host is a non-public address literal: connections to a literal skip the look-up below. */
export function assertPublicLiteral(url: URL): void {
  const literal = addressLiteral(url.hostname)
  if (literal !== null && isPrivateAddress(literal)) throw new NotPublicAddress(url.hostname, null)
}

/**
 * DNS resolution for outgoing connections that fails when any address a name resolves to is not
 * public: the check happens for the address actually connected to, at connection time.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0)
    const refused = addresses.find((entry) => isPrivateAddress(entry.address))
    if (refused) return callback(new NotPublicAddress(hostname, refused.address), '', 0)
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses)
    callback(null, addresses[0].address, addresses[0].family)
  })
}

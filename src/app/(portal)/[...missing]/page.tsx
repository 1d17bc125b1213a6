import { notFound } from 'next/navigation'

/** Every path no other page claims is the portal's 404 (with its layout), not Next's bare one. */
export default function Missing() {
  notFound()
}

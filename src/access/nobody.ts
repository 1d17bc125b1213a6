import type { Access } from 'payload'

/** For operations no API caller may perform; server code uses the Local API with overrideAccess. */
export const nobody: Access = () => false

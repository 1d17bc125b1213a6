// s3rver ships no types: what tests/helpers/s3.ts uses of it.
declare module 's3rver' {
  type Options = { address?: string; port?: number; silent?: boolean; directory: string; configureBuckets?: { name: string; configs: string[] }[] }
  export default class S3rver {
    constructor(options: Options)
    run(): Promise<{ address: string; port: number }>
    close(): Promise<void>
  }
}

declare module 's3rver/lib/models/account.js' {
  /** The one account s3rver knows; its key pairs are the credentials it accepts. */
  export const DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void }
}

export declare const BUNDLES: { server: string; config: string; cli: string }
export declare function bundle(): Promise<typeof BUNDLES>

export declare const BUNDLES: { server: string; config: string; cli: string; searchRebuild: string; bench: string }
export declare function bundle(): Promise<typeof BUNDLES>

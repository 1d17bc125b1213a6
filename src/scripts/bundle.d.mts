export declare function bundle(): Promise<void>

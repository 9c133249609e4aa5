/** Builds en-US custom-functions metadata from the generated metadata and the English table. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export declare function localizeMetadata(metadata: { functions: any[] }, table: Record<string, unknown>): { functions: any[] };

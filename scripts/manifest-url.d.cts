export declare const DEV_BASE: string;
/** Rewrites every resource URL and the AppDomain of a manifest to a new https base. */
export declare function rewriteBase(xml: string, base: string): string;

export declare const ALLOWED_URLS: ReadonlyArray<{ url: string; why: string }>;
export declare function checkText(name: string, text: string): string[];
export declare function checkLock(lockText: string): string[];
export declare function checkBundle(dist: string, lockFile?: string): { files: string[]; problems: string[] };

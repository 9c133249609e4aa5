import type { Server } from 'http';
/** Serves `dir` on 127.0.0.1:`port` (0: any free port); resolves with the server when listening. */
export declare function serveStatic(dir: string, port?: number, headers?: Record<string, string>): Promise<Server>;

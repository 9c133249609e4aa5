/** What `npm audit --json` printed → the gate's exit code and the lines it prints. */
export declare function auditVerdict(stdout: string, required: boolean): { code: 0 | 1; lines: string[] };

/**
 * Content that acts when a workbook is opened or clicked, rather than computing a figure: DDE
 * (`=cmd|'/c calc'!A1` starts a program), functions that call code or the network (WEBSERVICE,
 * FILTERXML, CALL, REGISTER, EXEC…), links to other workbooks (opened and updated from wherever
 * they point, a share on another machine included), and hyperlinks that run script or open local
 * files (`javascript:`, `file:`, `\\host\share`). A plan needs none of them. The rule
 * DANGEROUS_CONTENT reports them; send-safe and every KH writer freeze them to their value.
 */

/** The formula with its string literals emptied, so only code is left. */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

export type DangerKind = 'dde' | 'function' | 'external' | 'link';

export interface Danger {
  kind: DangerKind;
  /** What was found: the function, the program of a DDE call, the file or the link target. */
  what: string;
}

/** Functions that run code, reach the network or a server, or evaluate text as a formula. */
const FUNCTIONS = ['WEBSERVICE', 'FILTERXML', 'CALL', 'REGISTER.ID', 'REGISTER', 'EXEC', 'EXECUTE', 'RUN', 'RTD', 'DDE', 'DDEAUTO', 'IMAGE'];
const FUNCTION_CALL = new RegExp(String.raw`(?:^|[^A-Za-z0-9_.])(?:_xlfn\.|_xll\.)?(${FUNCTIONS.map((f) => f.replace('.', '\\.')).join('|')})\s*\(`, 'i');

/** `program|topic!item`: the pipe exists in no formula but a DDE link (outside strings). */
const DDE = /([A-Za-z0-9_.\\/-]*)\s*\|/;

/**
 * `[1]Sheet!A1`, `[Other.xlsx]Sheet!A1`, `'C:\…\[x.xlsx]S'!A1`, `'\\host\share\[x.xlsx]S'!A1`. A
 * bracket right after a name or another bracket is a table's column (`Bang1[@Tổng]*DA4!E7`), not
 * another workbook.
 */
const WORKBOOK_REF = /(?<![\p{L}\p{N}_.[\]])\[([^[\]]+)\][^![\]()]*!/u;
const PATH_REF = /'?((?:[A-Za-z]:\\|\\\\[^\\'"]+\\|(?:https?|ftp|file):\/\/)[^'!"]*)'?!/i;

/** Hyperlink targets that run script, open a local or shared file, or carry a program. */
const LINK = /^\s*(?:(?:javascript|vbscript|data|file|ms-[a-z-]+|search-ms|shell):|\\\\|\/\/)/i;

/** The dangerous part of a formula, or null. */
export function formulaDanger(formula: string | null | undefined): Danger | null {
  if (typeof formula !== 'string' || formula === '') return null;
  const code = withoutStrings(formula);
  // a quoted sheet name may hold a pipe ('Thu|Chi'!A1); a DDE topic is quoted after the pipe
  const dde = DDE.exec(code.replace(/'(?:[^']|'')*'/g, "''"));
  if (dde) return { kind: 'dde', what: dde[1] || '|' };
  const call = FUNCTION_CALL.exec(code);
  if (call) return { kind: 'function', what: call[1].toUpperCase() };
  const book = WORKBOOK_REF.exec(code);
  if (book) return { kind: 'external', what: book[1] };
  const path = PATH_REF.exec(code);
  if (path) return { kind: 'external', what: path[1] };
  // HYPERLINK("file:///…") or HYPERLINK("\\host\share"): the target is a string literal
  if (/HYPERLINK\s*\(/i.test(code)) {
    for (const m of formula.matchAll(/"((?:[^"]|"")*)"/g)) {
      const target = m[1].replace(/""/g, '"');
      if (LINK.test(target)) return { kind: 'link', what: target };
    }
  }
  return null;
}

/** Whether a hyperlink target is dangerous (a place in the workbook or a web page is not). */
export function linkDanger(target: string | null | undefined): Danger | null {
  if (typeof target !== 'string' || !LINK.test(target)) return null;
  return { kind: 'link', what: target };
}

/**
 * The cases of "Trust, round two" (issue 16) against the command built from a base commit and from
 * this tree: exit code, wall time, peak memory, and what happened. Both run with Node's heap capped
 * at 2 GB (the machine is shared: a file that made exceljs grow to 4.5 GB dies at the cap instead).
 * What is not a command (the functions, the rule engine, the annex builder, the playground's
 * server) is run from each tree's sources by a small probe in a child process.
 * `npx tsx bench/trust-round-two.ts --base 4d2be96 [--only TEXT]`; the table is kept in docs/design.md.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { connect } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseArgs } from 'util';
import { ISSUE_BOMBS, ROUND_TWO, HostileFile } from '../test/trust/hostile-files';
import { withChart, withFormulaNames, basePlan } from '../test/trust/rich-parts';
import { LAI_CHAU_2024 } from '../src/core/examples/lai-chau-2024';
import { readZip } from '../test/trust/zip';
import { table } from './harness';

const ROOT = join(__dirname, '..');

function build(sources: string, out: string): string {
  execFileSync('npx', ['webpack', '--config', 'webpack.cli.config.js', '--output-path', out], { cwd: sources, stdio: 'ignore' });
  return join(out, 'kh.cjs');
}

interface Run {
  exit: number | null;
  signal: string | null;
  seconds: number;
  peakMb: number;
  stdout: string;
  stderr: string;
}

function kh(bin: string, args: string[], cwd: string, timeoutS = 90): Run {
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK %M', 'timeout', '-s', 'KILL', String(timeoutS), 'node', '--max-old-space-size=2048', bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const peak = /PEAK (\d+)/.exec(r.stderr);
  const stderr = r.stderr.replace(/PEAK \d+\n?/, '').replace(/Command (exited with non-zero status|terminated by signal) \d+\n?/, '');
  const exit = r.status === 137 ? null : r.status;
  return { exit, signal: r.status === 137 ? 'killed (timeout)' : null, seconds: (Date.now() - t0) / 1000, peakMb: peak ? Math.round(Number(peak[1]) / 1024) : NaN, stdout: r.stdout, stderr };
}

function said(r: Run): string {
  if (r.signal) return r.signal;
  if (/heap limit|Allocation failed|JavaScript heap/.test(r.stderr)) return 'heap exhausted, native stack';
  const line = r.stderr.split('\n').find((l) => l.startsWith('kh: ')) ?? r.stdout.trim().split('\n').pop() ?? '';
  return line.slice(0, 70).replace(/\|/g, '\\|');
}

/** Whether a workbook KH wrote still holds a live DDE or WEBSERVICE formula, or a javascript: link. */
function live(path: string): string {
  if (!existsSync(path)) return 'nothing written';
  const xml = readZip(readFileSync(path))
    .filter((p) => /^xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?$/.test(p.name))
    .map((p) => p.content.toString('utf8'))
    .join('');
  const kinds = [/<f>[^<]*cmd\|/.test(xml) && 'DDE', /<f>[^<]*WEBSERVICE/.test(xml) && 'WEBSERVICE', /javascript:/.test(xml) && 'javascript:'].filter(Boolean);
  return kinds.length > 0 ? `live in the output: ${kinds.join(', ')}` : 'output clean';
}

function cell(r: Run): string {
  return `exit ${r.exit ?? '—'}, ${r.seconds.toFixed(1)} s, ${r.peakMb} MB: ${said(r)}`;
}

type Case = { name: string; run: (bin: string, dir: string, tree: string) => Promise<string> | string };

/**
 * Runs `body` (TypeScript, top-level await allowed) with `tree` bound to a source tree, in its own
 * process under tsx: what it prints is the outcome; a throw or a crash is reported as such.
 */
function probe(tree: string, dir: string, body: string): string {
  const file = join(dir, `probe-${Date.now()}-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(file, `const tree = ${JSON.stringify(tree)};\ntry {\n${body}\n} catch (e) { console.log('throws ' + String(e).split('\\n')[0].slice(0, 60)); }\n`);
  const t0 = Date.now();
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [file], { cwd: dir, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 2 ** 20 });
  const took = `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  if (r.status !== 0) return `crash (exit ${r.status ?? r.signal}): ${(r.stderr.split('\n').find((l) => /Error|heap/.test(l)) ?? '').trim().slice(0, 60)}; ${took}`;
  return `${r.stdout.trim().split('\n').pop() ?? ''}; ${took}`.replace(/\|/g, '\\|');
}

/** How a KH function's answer is shown: numbers, #KIND for its errors, Infinity as such. */
const SHOW = `const show = (v) => Array.isArray(v) ? '[' + v.map(show).join(', ') + ']' : v && typeof v === 'object' && 'kind' in v ? '#' + String(v.kind).toUpperCase() + '!' : String(v);`;

function functionCase(name: string, call: string): Case {
  return { name, run: (_bin, dir, tree) => probe(tree, dir, `const f = await import(tree + '/src/functions/impl.ts');\n${SHOW}\nconsole.log(show(${call}));`) };
}

/** Starts the tree's playground server on a free port, sends `target`, then asks for "/": both answers, and whether it lived. */
async function playground(tree: string, dir: string, target: string): Promise<string> {
  mkdirSync(join(dir, 'dist', 'playground'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'playground', 'index.html'), '<!doctype html><title>KH</title>');
  const server = spawn('node', [join(tree, 'scripts', 'playground.mjs'), '--no-build'], { cwd: dir, env: { ...process.env, PORT: '0' } });
  let exited: number | null = null;
  server.on('exit', (code) => (exited = code ?? -1));
  let stderr = '';
  server.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', () => reject(new Error('the playground server did not start')));
  });
  const ask = (path: string): Promise<string> =>
    new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
      let data = '';
      socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
      socket.on('close', () => resolve(data.split('\r\n')[0]?.replace('HTTP/1.1 ', '') || 'no answer'));
      socket.on('error', () => resolve('refused'));
      socket.setTimeout(5000, () => socket.destroy());
    });
  const first = await ask(target);
  await new Promise((r) => setTimeout(r, 300));
  const then = await ask('/');
  const dead = exited !== null;
  server.kill();
  const why = (/URIError[^\n]*/.exec(stderr) ?? [''])[0].slice(0, 40);
  return `${first}; then GET / → ${then}; ${dead ? `server died (exit ${exited}${why ? `, ${why}` : ''})` : 'server alive'}`;
}

/** `kh` inside a private mount namespace whose `folder` is a small tmpfs mounted with `options`. */
function khOnMount(bin: string, args: string[], cwd: string, folder: string, options: string): Run {
  mkdirSync(folder, { recursive: true });
  const t0 = Date.now();
  const script = `mount -t tmpfs -o ${options} tmpfs '${folder}' && exec node --max-old-space-size=2048 '${bin}' ${args.map((a) => `'${a}'`).join(' ')}`;
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { exit: r.status, signal: null, seconds: (Date.now() - t0) / 1000, peakMb: NaN, stdout: r.stdout, stderr: r.stderr };
}

function firstLine(r: Run): string {
  return `exit ${r.exit ?? '—'}: ${(r.stderr.trim().split('\n')[0] ?? '').slice(0, 80).replace(/\|/g, '\\|')}`;
}

async function cases(): Promise<Case[]> {
  const plan = await basePlan();
  const files: Case[] = ROUND_TWO.map((h: HostileFile) => ({
    name: `check ${h.name} (${h.what})`,
    run: async (bin, dir) => {
      writeFileSync(join(dir, h.name), await h.bytes());
      return cell(kh(bin, ['check', h.name], dir));
    },
  }));
  return [
    ...files,
    {
      name: 'check DIR: the 8 kinds of 1.5 KB range bomb the issue names, each between two good plans (9)',
      run: async (bin, dir) => {
        mkdirSync(join(dir, 'tinh'));
        const names: string[] = [];
        for (const [i, name] of ISSUE_BOMBS.entries()) {
          const bomb = ROUND_TWO.find((h) => h.name === name);
          if (!bomb) throw new Error(`no hostile file ${name}`);
          writeFileSync(join(dir, 'tinh', `${String(2 * i).padStart(2, '0')}-xa.xlsx`), plan);
          writeFileSync(join(dir, 'tinh', `${String(2 * i + 1).padStart(2, '0')}-${name}`), await bomb.bytes());
          names.push(`${String(2 * i).padStart(2, '0')}-xa.xlsx`);
        }
        writeFileSync(join(dir, 'tinh', '99-xa.xlsx'), plan);
        names.push('99-xa.xlsx');
        const r = kh(bin, ['check', 'tinh'], dir, 300);
        const reported = names.filter((n) => r.stdout.includes(`${n}: 0 lỗi`)).length;
        return `exit ${r.exit ?? '—'}, ${r.seconds.toFixed(1)} s, ${r.peakMb} MB: ${reported} of 9 plans reported${reported < 9 ? ` (${said(r)})` : ''}`;
      },
    },
    {
      name: "=cmd|'/c calc'!A1, WEBSERVICE, a javascript: link: check, send-safe, annex",
      run: async (bin, dir) => {
        const ExcelJS = (await import('exceljs')).default;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(plan as unknown as ArrayBuffer);
        const ws = wb.getWorksheet('Tổng hợp');
        if (!ws) throw new Error('no summary');
        ws.getCell('T20').value = { formula: "cmd|'/c calc'!A1", result: 0 } as never;
        ws.getCell('T21').value = { formula: 'WEBSERVICE("http://x.invalid")', result: '' } as never;
        ws.getCell('T22').value = { text: 'Xem', hyperlink: 'javascript:alert(1)' };
        await wb.xlsx.writeFile(join(dir, 'bay.xlsx'));
        const check = kh(bin, ['check', 'bay.xlsx', '--json'], dir);
        const found = (JSON.parse(check.stdout || '{"findings":[]}').findings as Array<{ rule: string }>).filter((f) => f.rule === 'DANGEROUS_CONTENT').length;
        const safe = kh(bin, ['send-safe', 'bay.xlsx'], dir);
        const annex = kh(bin, ['annex', 'bay.xlsx'], dir);
        return `check: ${found} findings; send-safe: ${said(safe)}, ${live(join(dir, 'bay.gui-di.xlsx'))}; annex exit ${annex.exit}, ${live(join(dir, 'bay.bieu.xlsx'))}`;
      },
    },
    {
      name: '-o a device node (c 1 3, what /dev/null is) --force',
      run: (bin, dir) => {
        execFileSync('mknod', [join(dir, 'thiet-bi'), 'c', '1', '3']);
        writeFileSync(join(dir, 'p.json'), JSON.stringify(LAI_CHAU_2024));
        const r = kh(bin, ['new', '--plan', 'p.json', '-o', 'thiet-bi', '--force'], dir);
        return `${firstLine(r)}; afterwards ${lstatSync(join(dir, 'thiet-bi')).isCharacterDevice() ? 'still a device' : 'a regular file replaced the device'}`;
      },
    },
    {
      name: '-o a named pipe --force',
      run: (bin, dir) => {
        execFileSync('mkfifo', [join(dir, 'ong.xlsx')]);
        writeFileSync(join(dir, 'p.json'), JSON.stringify(LAI_CHAU_2024));
        const r = kh(bin, ['new', '--plan', 'p.json', '-o', 'ong.xlsx', '--force'], dir);
        return `${cell(r)}; afterwards ${lstatSync(join(dir, 'ong.xlsx')).isFIFO() ? 'still a pipe' : 'a regular file replaced the pipe'}`;
      },
    },
    {
      name: '--in-place on a 0600 file through a symbolic link',
      run: (bin, dir) => {
        writeFileSync(join(dir, 'that.xlsx'), plan);
        chmodSync(join(dir, 'that.xlsx'), 0o600);
        symlinkSync(join(dir, 'that.xlsx'), join(dir, 'link.xlsx'));
        const r = kh(bin, ['convert', 'link.xlsx', '--in-place'], dir);
        const link = lstatSync(join(dir, 'link.xlsx')).isSymbolicLink() ? 'link kept' : 'link replaced by a file';
        const mode = (statSync(join(dir, 'link.xlsx')).mode & 0o777).toString(8);
        return `exit ${r.exit}; ${link}; mode ${mode}`;
      },
    },
    {
      name: 'annex on a workbook with a chart',
      run: async (bin, dir) => {
        writeFileSync(join(dir, 'chart.xlsx'), await withChart());
        const r = kh(bin, ['annex', 'chart.xlsx'], dir);
        const out = join(dir, 'chart.bieu.xlsx');
        return `${cell(r)}; ${existsSync(out) ? (readFileSync(out).includes(Buffer.from('xl/charts/chart1.xml')) ? 'chart kept' : 'written without the chart') : 'nothing written'}`;
      },
    },
    {
      name: 'send-safe on a name =\'Tổng hợp\'!$H$7*TyLeDoiUng',
      run: async (bin, dir) => {
        writeFileSync(join(dir, 'names.xlsx'), await withFormulaNames());
        const r = kh(bin, ['send-safe', 'names.xlsx'], dir);
        const out = join(dir, 'names.gui-di.xlsx');
        if (!existsSync(out)) return `${cell(r)}; nothing written`;
        const workbook = readZip(readFileSync(out)).find((p) => p.name === 'xl/workbook.xml')?.content.toString('utf8') ?? '';
        const names = new Map([...workbook.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2].replace(/&apos;/g, "'")]));
        const name = (n: string): string => (names.has(n) ? `=${names.get(n)}` : 'gone');
        return `exit ${r.exit}; written: TyLeDoiUng ${name('TyLeDoiUng')}, DoiUng ${name('DoiUng')}`;
      },
    },
    ...[['check', 'x.xlsx', '--strcit'], ['check', 'x.xlsx', '--tolerance', 'abc'], ['check', 'x.xlsx', '--tolerance', '1e400'], ['check', 'x.xlsx', '--tolerance=-1'], ['check', 'x.xlsx', '--lang', 'xx'], ['new', '--plan=a=b.json', '-o']].map(
      (args): Case => ({ name: `kh ${args.join(' ')}`, run: (bin, dir) => firstLine(kh(bin, args, dir)) }),
    ),
    {
      name: 'new --plan=a=b.json (a file named a=b.json)',
      run: (bin, dir) => {
        writeFileSync(join(dir, 'a=b.json'), JSON.stringify(LAI_CHAU_2024));
        const r = kh(bin, ['new', '--plan=a=b.json', '-o', 'ab.xlsx'], dir);
        return `${firstLine(r)}${existsSync(join(dir, 'ab.xlsx')) ? ' written' : ''}`;
      },
    },
    ...([
      ['new -o on a full disk (8 KB tmpfs)', 'size=8k'],
      ['new -o on a read-only disk', 'size=1m,ro'],
    ] as const).map(
      ([name, options]): Case => ({
        name,
        run: (bin, dir) => {
          writeFileSync(join(dir, 'p.json'), JSON.stringify(LAI_CHAU_2024));
          return firstLine(khOnMount(bin, ['new', '--plan', 'p.json', '-o', join(dir, 'dia', 'ke-hoach.xlsx')], dir, join(dir, 'dia'), options));
        },
      }),
    ),
    {
      name: 'new -o an existing folder',
      run: (bin, dir) => {
        mkdirSync(join(dir, 'ra'));
        writeFileSync(join(dir, 'p.json'), JSON.stringify(LAI_CHAU_2024));
        return firstLine(kh(bin, ['new', '--plan', 'p.json', '-o', 'ra', '--force'], dir));
      },
    },
    {
      name: 'new with an amount of 10^21 triệu, then check',
      run: (bin, dir) => {
        writeFileSync(join(dir, 'big.json'), JSON.stringify({ ...LAI_CHAU_2024, items: [{ ...LAI_CHAU_2024.items[0], amounts: { local: 1e21 } }, ...LAI_CHAU_2024.items.slice(1)] }));
        const made = kh(bin, ['new', '--plan', 'big.json', '-o', 'big.xlsx'], dir);
        if (!existsSync(join(dir, 'big.xlsx'))) return cell(made);
        const check = kh(bin, ['check', 'big.xlsx', '--json'], dir);
        const drift = (JSON.parse(check.stdout).findings as Array<{ rule: string }>).filter((f) => f.rule === 'ANNEX_DRIFT').length;
        return `new exit ${made.exit}; the fresh file has ${drift} ANNEX_DRIFT`;
      },
    },
    {
      name: 'new with a 10 MB issuer, then check',
      run: (bin, dir) => {
        writeFileSync(join(dir, 'issuer.json'), JSON.stringify({ ...LAI_CHAU_2024, issuer: 'U'.repeat(10 * 2 ** 20) }));
        const made = kh(bin, ['new', '--plan', 'issuer.json', '-o', 'issuer.xlsx'], dir);
        if (!existsSync(join(dir, 'issuer.xlsx'))) return cell(made);
        return `new exit ${made.exit}; check: ${cell(kh(bin, ['check', 'issuer.xlsx'], dir))}`;
      },
    },
    {
      name: '150,000 findings from one rule (runChecks)',
      run: (_bin, dir, tree) =>
        probe(
          tree,
          dir,
          `const { runChecks } = await import(tree + '/src/core/checks/engine.ts');
const many = Array.from({ length: 150000 }, (_, i) => ({ rule: 'SUM_MISMATCH', severity: 'error', sheet: 'S', cell: 'A' + (i + 1), message: { key: 'rule.LAYOUT.message', params: { rules: '' } } }));
const r = runChecks({ sheets: [], names: [] }, {}, [{ id: 'SUM_MISMATCH', severity: 'error', needsLayout: false, run: () => many }]);
console.log(r.findings.length + ' findings');`,
        ),
    },
    {
      name: '130,000 activities under one sub-project (plan and annexes built)',
      run: (_bin, dir, tree) =>
        probe(
          tree,
          dir,
          `const { fullPlanSpec } = await import(tree + '/bench/plans.ts');
const { buildPlanWithAnnexes } = await import(tree + '/src/core/book/annex/generate.ts');
const spec = fullPlanSpec(130000);
for (const a of spec.activities) a.parent = spec.activities[0].parent;
const built = buildPlanWithAnnexes(spec);
console.log(built.ok ? 'built, ' + built.description.sheets.length + ' sheets' : 'refused');`,
        ),
    },
    functionCase('KH.CHECK_SOURCES total 1e308, sources 9e307 + 9e307', 'f.checkSourcesImpl([[1e308]], [[9e307, 9e307]])'),
    functionCase('KH.CHECK_SOURCES with a 310-digit tolerance', "f.checkSourcesImpl([[10]], [[5, 5]], '1' + '0'.repeat(309))"),
    functionCase('KH.ROLLUP DA1 of 9e307 + 9e307', "f.rollupImpl([['DA1'], ['DA1.1'], ['DA1.2']], [[null], [9e307], [9e307]], 'DA1')"),
    functionCase('KH.SOTIEN of a 321-digit amount', "f.soTienImpl('1' + '0'.repeat(320))"),
    functionCase('KH.DOIDONVI 1e300 tỷ to đồng', "f.doiDonViImpl([[1e300]], 'tỷ', 'đồng')"),
    functionCase('KH.DOIUNG 1e308 ÷ 1e-308', 'f.doiUngImpl(1e308, 1e-308)'),
    { name: 'playground server: GET /%E0%A4%A', run: (_bin, dir, tree) => playground(tree, dir, '/%E0%A4%A') },
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string' }, only: { type: 'string' } }, strict: true });
  const base = values.base;
  if (!base) throw new Error('--base <commit> is required');
  const dir = mkdtempSync(join(tmpdir(), 'kh-round-two-'));
  const src = join(dir, 'base-src');
  mkdirSync(src);
  execFileSync('sh', ['-c', `git archive ${base} | tar -x -C '${src}'`], { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
  const before = build(src, join(dir, 'base'));
  const after = build(ROOT, join(dir, 'now'));
  const rows: string[][] = [];
  for (const c of (await cases()).filter((k) => !values.only || k.name.includes(values.only ?? ''))) {
    const out: string[] = [];
    for (const [label, bin, tree] of [['before', before, src], ['after', after, ROOT]] as const) {
      const work = mkdtempSync(join(dir, `${label}-`));
      out.push(await c.run(bin, work, tree));
    }
    // the temporary folders say nothing: a message keeps the file's own name
    rows.push([c.name.replace(/\|/g, '\\|'), ...out.map((o) => o.split(`${dir}/`).join('').replace(/\b(before|after)-[A-Za-z0-9]{6}\//g, ''))]);
    console.error(rows[rows.length - 1].join(' | '));
  }
  console.log(table(['case', `before (${base})`, 'after'], rows));
}

void main();

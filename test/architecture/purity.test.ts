/**
 * The core stays pure (no Office, React or Node), and dependencies point inward:
 * taskpane / cli / functions → workbook, document → core.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative, resolve, dirname } from 'path';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function importsOf(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/\b(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) found.push(m[1]);
  for (const m of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]);
  for (const m of code.matchAll(/\bimport\s+['"]([^'"]+)['"]/g)) found.push(m[1]);
  for (const m of code.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]);
  return found;
}

const HOST_GLOBALS = /\b(Office|Excel|CustomFunctions|OfficeRuntime|process|require|window|document|Buffer|__dirname|globalThis\.process)\s*[.(]/;

/** What a core file may not do; returns the violations (so the rule itself can be tested). */
export function coreViolations(file: string, code: string): string[] {
  const problems: string[] = [];
  const clean = stripComments(code);
  for (const spec of importsOf(clean)) {
    if (!spec.startsWith('.')) {
      problems.push(`${file}: imports package "${spec}"`);
      continue;
    }
    const target = resolve(dirname(join(ROOT, file)), spec);
    if (!target.startsWith(join(SRC, 'core'))) problems.push(`${file}: imports "${spec}" outside src/core`);
  }
  const host = HOST_GLOBALS.exec(clean.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''"));
  if (host) problems.push(`${file}: uses host global ${host[1]}`);
  return problems;
}

describe('src/core is pure', () => {
  const files = sourceFiles(join(SRC, 'core'));

  test('there is a core to check', () => {
    expect(files.length).toBeGreaterThan(8);
  });

  test('no core file imports Office, React, Node or anything outside src/core', () => {
    const problems = files.flatMap((f) => coreViolations(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });

  test('the rule catches what it is meant to catch', () => {
    expect(coreViolations('src/core/x.ts', "import * as React from 'react';")).toHaveLength(1);
    expect(coreViolations('src/core/x.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(coreViolations('src/core/x.ts', "import { x } from '../functions/impl';")).toHaveLength(1);
    expect(coreViolations('src/core/x.ts', 'export function f() { return Excel.run(() => 1); }')).toHaveLength(1);
    expect(coreViolations('src/core/x.ts', "const fs = require('fs');")).toHaveLength(2);
    expect(coreViolations('src/core/x.ts', "import { add } from './decimal'; // the plan document.")).toEqual([]);
    expect(coreViolations('src/core/x.ts', "const m = 'Gõ =KH. trong Excel. Xong';")).toEqual([]);
  });
});

describe('dependencies point inward', () => {
  const layers: Record<string, string[]> = {
    functions: ['core', 'functions'],
    workbook: ['core', 'workbook'],
    document: ['core', 'document'],
    cli: ['core', 'workbook', 'document', 'cli'],
    taskpane: ['core', 'workbook', 'document', 'functions', 'taskpane'],
  };
  test.each(Object.keys(layers))('src/%s imports only allowed layers', (layer) => {
    let files: string[] = [];
    try {
      files = sourceFiles(join(SRC, layer));
    } catch {
      return; // layer not written yet
    }
    for (const file of files) {
      for (const spec of importsOf(stripComments(readFileSync(file, 'utf8')))) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, resolve(dirname(file), spec)).split(/[\\/]/)[0];
        expect({ file: relative(ROOT, file), target, allowed: layers[layer].includes(target) }).toMatchObject({ allowed: true });
      }
    }
  });
});

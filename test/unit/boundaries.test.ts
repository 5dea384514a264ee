// The code's shape, held by a test: dependencies point inward (handlers → web → workflow → core;
// adapters implement workflow's ports), each core sub-domain is used only through its index.ts,
// core stays pure (no AWS, no I/O, no environment), and no module imports itself through others.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Static imports and re-exports, and dynamic import() — not `typeof import(…)`, which is a type.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|(?<!typeof )import\(\s*['"]([^'"]+)['"]\s*\)/g;

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

interface Edge {
  from: string;
  to: string;
}

/** Every import in the production code: relative ones resolved to repository paths, packages as named. */
function edges(): Edge[] {
  return ['lambdas', 'lib', 'bin'].flatMap(files).flatMap((from) => {
    const source = readFileSync(path.join(ROOT, from), 'utf8');
    return [...source.matchAll(IMPORT)].map((m) => {
      const spec = (m[1] ?? m[2])!;
      return { from, to: spec.startsWith('.') ? path.join(path.dirname(from), spec) : spec };
    });
  });
}

const layer = (file: string) => /^lambdas\/([^/]+)\//.exec(file)?.[1] ?? file.split('/')[0]!;
const subDomain = (file: string) => /^lambdas\/core\/([^/]+)\//.exec(file)?.[1] ?? null;
const ALL = edges();

describe('the shape of the code', () => {
  it('finds the imports it checks', () => {
    // A broken pattern would find nothing, and every rule below would hold vacuously.
    expect(ALL.length).toBeGreaterThan(300);
    expect(ALL.some((e) => e.to === 'lambdas/core/case/index.ts')).toBe(true);
  });

  it('uses each core sub-domain only through its index.ts', () => {
    const reachIn = ALL.filter((e) => {
      const target = subDomain(e.to);
      return target !== null && subDomain(e.from) !== target && !e.to.endsWith(`core/${target}/index.ts`);
    });
    expect(reachIn.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('keeps core pure: no AWS, no file or network I/O, no other layer', () => {
    const allowed = /^(?:lambdas\/core\/|node:crypto$|email-forward-parser$|email-reply-parser$)/;
    const impure = ALL.filter((e) => layer(e.from) === 'core' && !allowed.test(e.to));
    expect(impure.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
    const reads = files('lambdas/core').filter((f) =>
      /process\.env|Date\.now\(|new Date\(\)/.test(readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(reads).toEqual([]);
  });

  it('points dependencies inward', () => {
    // Which layers each may import (besides packages and itself).
    // The settings contract is plain data that every entry point reads: handlers, the local
    // stack, the CDK app and the CLI.
    const may: Record<string, string[]> = {
      settings: [],
      workflow: ['core'],
      adapters: ['core', 'workflow'],
      web: ['core', 'workflow'],
      handlers: ['core', 'workflow', 'adapters', 'web', 'settings'],
      local: ['core', 'workflow', 'adapters', 'web', 'handlers', 'settings'],
      lib: ['adapters', 'settings'],
      bin: ['core', 'adapters', 'handlers', 'local', 'lib', 'settings'],
    };
    const outward = ALL.filter((e) => {
      if (!e.to.startsWith('lambdas/') && !e.to.startsWith('lib/') && !e.to.startsWith('bin/')) return false;
      const [from, to] = [layer(e.from), layer(e.to)];
      return from !== to && from !== 'core' && !(may[from] ?? []).includes(to);
    });
    expect(outward.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('keeps extraction apart from the classifier: the classifier may read what extraction found', () => {
    const intoClassify = ALL.filter((e) => subDomain(e.from) === 'extract' && subDomain(e.to) === 'classify');
    expect(intoClassify.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map<string, string[]>();
    for (const e of ALL) if (e.to.endsWith('.ts')) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = resolve(__dirname, '..');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g;

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((file) => existsSync(file));
}

/** Every file the renderer bundle can reach from its entry, with every bare import it makes. */
function rendererGraph() {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [join(srcDir, 'renderer', 'main.tsx')];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('.')) {
        const target = resolveLocal(file, specifier);
        if (target && /\.tsx?$/.test(target)) queue.push(target);
      } else {
        packages.set(specifier, relative(srcDir, file));
      }
    }
  }
  return { files: [...files].map((file) => relative(srcDir, file)), packages };
}

describe('renderer bundle', () => {
  const graph = rendererGraph();

  it('reaches the shared contract but nothing from main, preload or the CLI', () => {
    expect(graph.files).toContain(join('renderer', 'App.tsx'));
    expect(graph.files).toContain(join('shared', 'api.ts'));
    expect(graph.files.filter((file) => /^(main|preload|cli)\//.test(file))).toEqual([]);
  });

  it('imports no Node built-in and not electron', () => {
    expect([...graph.packages.keys()]).toEqual(expect.arrayContaining(['react', 'react-dom/client', 'zustand']));
    const forbidden = [...graph.packages].filter(([name]) => builtins.has(name) || name === 'electron');
    expect(forbidden).toEqual([]);
  });
});

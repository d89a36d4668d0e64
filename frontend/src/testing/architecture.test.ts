/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The boundaries of the SPA, as bulletproof-react draws them (what ArchUnit does for the backend):
 * - a feature (src/features/<x>) imports nothing of another feature: what two features share goes to
 *   components/ui or lib, and the two are put together in app/routes;
 * - features import nothing of app (the routes and the shell are built from features, not the other way);
 * - the shared code (components, lib, config) imports neither features nor app.
 * Every import is checked: static, type-only, side-effect (CSS), re-exports and dynamic import().
 */

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every .ts and .tsx file under a folder of src, as paths relative to src with forward slashes. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => `${folder}/${f.split(sep).join('/')}`);
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** The modules a file imports, each as a path relative to src (bare packages such as 'react' are left out). */
export function importsOf(file: string, text: string): string[] {
  const found: string[] = [];
  for (const [, specifier] of text.matchAll(IMPORT)) {
    if (specifier.startsWith('@/')) found.push(specifier.slice(2));
    else if (specifier.startsWith('.')) found.push(relative(src, resolve(src, dirname(file), specifier)).split(sep).join('/'));
  }
  return found;
}

/** The top-level part of src a path is in: 'features/<name>', or 'lib', 'components', 'app', 'config', 'testing', … */
export function layerOf(path: string): string {
  const [top, name] = path.split('/');
  return top === 'features' ? `features/${name}` : top;
}

const SHARED = ['lib', 'components', 'config'];

/** Why an import from one file to another crosses a boundary, or undefined when it may. */
export function violation(from: string, to: string): string | undefined {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a.startsWith('features/') && b.startsWith('features/') && a !== b) return `${a} imports ${b}`;
  if (a.startsWith('features/') && b === 'app') return `${a} imports app`;
  if (SHARED.includes(a) && (b.startsWith('features/') || b === 'app')) return `${a} imports ${b}`;
  return undefined;
}

function violationsIn(files: string[]): string[] {
  return files.flatMap((file) =>
    importsOf(file, readFileSync(join(src, file), 'utf8')).flatMap((to) => {
      const why = violation(file, to);
      return why ? [`${file} → ${to} (${why})`] : [];
    }),
  );
}

describe('the boundaries between the parts of the SPA', () => {
  it('reads the imports of a file, whatever their form', () => {
    const text = [
      "import { a } from '@/features/plans/api/plans';",
      "import type { B } from '../../indicators/values';",
      "import './own.css';",
      "export { c } from '@/lib/format';",
      "const Form = lazy(() => import('@/features/supporters/components/supporter-form'));",
      "import { useState } from 'react';",
    ].join('\n');
    expect(importsOf('features/surveys/components/x.tsx', text)).toEqual([
      'features/plans/api/plans',
      'features/indicators/values',
      'features/surveys/components/own.css',
      'lib/format',
      'features/supporters/components/supporter-form',
    ]);
  });

  it('tells a crossing from an import that may be made', () => {
    expect(violation('features/requests/components/a.tsx', 'features/recipients/components/b')).toBe(
      'features/requests imports features/recipients',
    );
    expect(violation('features/requests/components/a.tsx', 'features/requests/api/support-requests')).toBeUndefined();
    expect(violation('features/requests/components/a.tsx', 'lib/api/client')).toBeUndefined();
    expect(violation('features/requests/components/a.tsx', 'app/shell/support-nav')).toBe('features/requests imports app');
    expect(violation('lib/format.ts', 'features/plans/api/plans')).toBe('lib imports features/plans');
    expect(violation('components/ui/alert.tsx', 'features/auth/api/get-me')).toBe('components imports features/auth');
    expect(violation('app/routes/plans.tsx', 'features/plans/api/plans')).toBeUndefined();
  });

  it('no feature imports another feature, nor app', () => {
    expect(violationsIn(sourceFiles('features'))).toEqual([]);
  });

  it('components, lib and config import neither features nor app', () => {
    expect(violationsIn(SHARED.flatMap(sourceFiles))).toEqual([]);
  });
});

/*
 * The SPA serves any city: the places it offers come from the API. Production code (not tests, not src/testing, not
 * the generated schema, whose examples come from the contract) names none of the cities or districts of the demo.
 */
const DEMO_PLACES = ['北九州', '久留米', '熊本', '高須', '庄司', '若園', '小倉', '40100', '40203', '43100'];

describe('the SPA names no city', () => {
  it('has no demo city, district or area code in its production code', () => {
    const named = ['app', 'components', 'config', 'features', 'lib']
      .flatMap(sourceFiles)
      .filter((f) => !/\.test\.tsx?$/.test(f) && !f.includes('/testing/') && !f.endsWith('schema.d.ts'))
      .flatMap((f) => {
        const text = readFileSync(join(src, f), 'utf8');
        return DEMO_PLACES.filter((place) => text.includes(place)).map((place) => `${f}: ${place}`);
      });
    expect(named).toEqual([]);
  });
});

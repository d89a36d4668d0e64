// Golden-file check: regenerate the API types from ../openapi.yaml into a temporary file and
// fail when they differ from the committed src/lib/api/schema.d.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(root, '..', 'openapi.yaml');
const committed = join(root, 'src', 'lib', 'api', 'schema.d.ts');
const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

const fail = (message) => {
  console.error(message);
  process.exit(1);
};

if (!existsSync(spec)) fail(`openapi.yaml not found at ${spec}`);
if (!existsSync(committed)) fail('src/lib/api/schema.d.ts is missing: run make openapi');

const dir = mkdtempSync(join(tmpdir(), 'tsunagu-check-api-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync(process.execPath, [cli, spec, '-o', fresh], { stdio: ['ignore', 'ignore', 'inherit'] });
  const normalise = (text) => text.replace(/\r\n/g, '\n');
  if (normalise(readFileSync(fresh, 'utf8')) !== normalise(readFileSync(committed, 'utf8'))) {
    fail('schema.d.ts is stale: run make openapi');
  }
  console.log('schema.d.ts is up to date with ../openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding Tadata's package.json. Migrations and reference data are read from there,
 * whether the code runs from src/ (CLI, tests) or from the bundled build/ of the web server.
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'tadata') {
        cached = dir;
        return dir;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`Cannot find the Tadata package root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export function fromAppRoot(...segments: string[]): string {
  return path.join(appRoot(), ...segments);
}

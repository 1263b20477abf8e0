import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { appRoot } from '../../lib/server/platform/app-root.ts';
import { exportServerEnv, getConfig, setConfig } from '../../lib/server/platform/config.ts';
import { CliUsageError, type Command } from '../command.ts';

const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** The web app is built once, and again only when its sources changed since the last build. */
function ensureBuild(root: string, force: boolean): void {
  // adapter-node writes build/ anew at each build: its entry's date is the build's.
  const entry = path.join(root, 'build', 'index.js');
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (!force && built >= sources) return;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    if (built) return;
    throw new Error(
      'The web app is not built and Vite is not installed: run `npm install` then `npm run build`.',
    );
  }
  process.stderr.write('Building the web app (vite build)…\n');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed (see above)');
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the platform (web pages and /api/v1) on PORT',
  help: `Usage: tadata serve [--port <n>] [--host <address>] [--build]

Serves the public site and the open-data API. On an empty database it loads the demo (150
projects of the Fondation La France s'Engage) through the import path. The web app is built
first when it was never built or its sources changed.

Options:
  --port <n>         port to listen on (default: PORT, else 3000)
  --host <address>   address to listen on (default: HOST, else 127.0.0.1; 0.0.0.0 for all)
  --build            rebuild the web app even if it looks up to date
  -h, --help         show this help

The database is PostgreSQL when DATABASE_URL is set, otherwise PGlite in DATA_DIR (default var/).
Stop with Ctrl-C (SIGINT) or SIGTERM: the database is closed cleanly.
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        build: { type: 'boolean', default: false },
      },
    });
    if (positionals.length) throw new CliUsageError(`unexpected argument ${positionals[0]}`);
    const config = getConfig();
    if (values.port !== undefined) {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliUsageError('--port must be a port number');
      config.port = port;
    }
    if (values.host) config.host = values.host;
    setConfig(config);
    const root = appRoot();
    ensureBuild(root, values.build);
    exportServerEnv(config);
    // adapter-node's entry starts the HTTP server; hooks.server.ts opens the database first.
    await import(pathToFileURL(path.join(root, 'build', 'index.js')).href);
    return await new Promise<number>(() => {
      // Runs until the server is stopped by a signal.
    });
  },
};

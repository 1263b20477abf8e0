// The loopback benchmark site in its own process, so that the harvester's CPU is measured alone.
// Prints its origin on stdout; stops when its parent closes stdin (or after 15 minutes).
import { startTestSites } from '../test/sites/start-test-sites.ts';

const pages = Number(process.argv[2] ?? 10_000);
const sites = await startTestSites({ benchPages: pages, record: false, lifetimeMs: 15 * 60_000 });
process.stdout.write(`${sites.origin}\n`);
process.stdin.resume();
process.stdin.on('end', () => void sites.stop().then(() => process.exit(0)));
process.stdin.on('close', () => void sites.stop().then(() => process.exit(0)));

import { readFileSync } from 'node:fs';
import { fromAppRoot } from '../../platform/app-root.ts';

/** The product token robots.txt groups are matched against (`User-agent: Tadata`). */
export const ROBOTS_AGENT = 'Tadata';

let version: string | undefined;

function tadataVersion(): string {
  version ??= (JSON.parse(readFileSync(fromAppRoot('package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** A truthful User-Agent: who we are, which version, where site owners can reach the operators. */
export function buildUserAgent(contactUrl: string): string {
  return `${ROBOTS_AGENT}/${tadataVersion()} (+${contactUrl}; harvester of the Carrefour des innovations sociales)`;
}

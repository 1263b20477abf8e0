import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('has defaults for a first start: port 3000, embedded database in var/, demo on', () => {
    const config = parseConfig({}, '/srv/tadata');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      dataDir: '/srv/tadata/var',
      pgliteDir: '/srv/tadata/var/pglite',
      databaseUrl: undefined,
      loadDemo: true,
    });
  });

  it('reads every variable and treats empty values as unset', () => {
    const config = parseConfig(
      {
        PORT: '8080',
        DATA_DIR: '/data',
        DATABASE_URL: 'postgres://u:p@db/tadata',
        LOAD_DEMO: 'false',
        HOST: '',
        PUBLIC_URL: 'https://cis.example.org/',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/data',
      databaseUrl: 'postgres://u:p@db/tadata',
      loadDemo: false,
      publicUrl: 'https://cis.example.org',
    });
  });

  it('has polite, safe harvest defaults: 1 s between requests, no private networks', () => {
    const config = parseConfig({ PUBLIC_URL: 'https://cis.example.org' });
    expect(config.harvest).toEqual({
      contactUrl: 'https://cis.example.org',
      allowPrivateNetworks: false,
      minDelayMs: 1000,
      timeoutMs: 30_000,
      maxBodyBytes: 10 * 1024 * 1024,
      chromiumPath: '/usr/bin/chromium',
    });
    const custom = parseConfig({
      HARVEST_CONTACT_URL: 'https://cis.example.org/contact',
      HARVEST_ALLOW_PRIVATE_NETWORKS: 'true',
      HARVEST_MIN_DELAY_MS: '0',
    });
    expect(custom.harvest).toMatchObject({
      contactUrl: 'https://cis.example.org/contact',
      allowPrivateNetworks: true,
      minDelayMs: 0,
    });
    expect(() => parseConfig({ HARVEST_MAX_BODY_BYTES: '12' })).toThrow(/HARVEST_MAX_BODY_BYTES/);
  });

  it('names each wrong variable', () => {
    expect(() => parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT:/);
      expect((error as Error).message).toMatch(/DATABASE_URL: must start with postgres/);
    }
  });

  it('documents every variable in the README configuration table', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const key of Object.keys(configSchema.shape)) expect(readme).toContain(`| \`${key}\` |`);
  });
});

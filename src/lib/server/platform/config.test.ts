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

import { describe, expect, it } from 'vitest';
import { robotsVerdict } from './robots-rules.ts';

const ROBOTS = 'https://partenaire.example/robots.txt';

describe('robotsVerdict', () => {
  it('applies the group naming Tadata over the catch-all group, with its Crawl-delay', () => {
    const body = [
      'User-agent: *',
      'Disallow: /',
      '',
      'User-agent: Tadata',
      'Disallow: /admin/',
      'Crawl-delay: 2.5',
      '',
      'User-agent: GrumpyBot',
      'Disallow: /projets/',
    ].join('\n');
    const verdict = robotsVerdict(ROBOTS, { status: 200, body });
    expect(verdict.isAllowed('https://partenaire.example/projets/1')).toBe(true);
    expect(verdict.isAllowed('https://partenaire.example/admin/users')).toBe(false);
    expect(verdict.crawlDelayMs).toBe(2500);
    expect(verdict.unavailable).toBeUndefined();
  });

  it('uses the catch-all group when none names us, and Allow beats a shorter Disallow', () => {
    const body = 'User-agent: *\nDisallow: /projets/\nAllow: /projets/publics/\n';
    const verdict = robotsVerdict(ROBOTS, { status: 200, body });
    expect(verdict.isAllowed('https://partenaire.example/projets/prive')).toBe(false);
    expect(verdict.isAllowed('https://partenaire.example/projets/publics/1')).toBe(true);
    expect(verdict.crawlDelayMs).toBe(0);
  });

  it('reads 4xx and no answer as "no rules", 5xx and 429 as "closed for this run"', () => {
    expect(robotsVerdict(ROBOTS, { status: 404, body: '' }).isAllowed('https://partenaire.example/x')).toBe(
      true,
    );
    expect(robotsVerdict(ROBOTS, { status: 403, body: '' }).isAllowed('https://partenaire.example/x')).toBe(
      true,
    );
    expect(
      robotsVerdict(ROBOTS, { unreachable: 'ECONNREFUSED' }).isAllowed('https://partenaire.example/x'),
    ).toBe(true);
    for (const status of [500, 503, 429]) {
      const verdict = robotsVerdict(ROBOTS, { status, body: '' });
      expect(verdict.isAllowed('https://partenaire.example/x')).toBe(false);
      expect(verdict.unavailable).toMatch(new RegExp(`HTTP ${status}`));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { assessHealth, type RunFigures } from './source-health.ts';

const field = (items: number, matched: number) => ({ items, matched, fillRate: items ? matched / items : 0 });
const run = (
  found: number,
  fields: RunFigures['fields'] = {},
  status: RunFigures['status'] = 'succeeded',
) => ({
  status,
  found,
  fields,
});

describe('assessHealth', () => {
  it('is ok when the run looks like the previous ones', () => {
    const usual = run(50, { title: field(50, 50), city: field(50, 40) });
    expect(assessHealth(run(49, { title: field(49, 49), city: field(49, 37) }), [usual, usual])).toEqual({
      health: 'ok',
      reasons: [],
      itemCountCollapsed: false,
    });
  });

  it('flags a collapsed item count, in plain words', () => {
    const verdict = assessHealth(run(3), [run(50), run(48), run(52)]);
    expect(verdict.health).toBe('attention');
    expect(verdict.itemCountCollapsed).toBe(true);
    expect(verdict.reasons).toEqual([
      'the run found 3 items where previous runs found about 50: the item selector may no longer match, the site may have changed',
    ]);
  });

  it('flags a field whose fill rate collapsed', () => {
    const verdict = assessHealth(run(50, { title: field(50, 2), city: field(50, 45) }), [
      run(50, { title: field(50, 50), city: field(50, 45) }),
    ]);
    expect(verdict.itemCountCollapsed).toBe(false);
    expect(verdict.reasons).toEqual([
      'the title selector matched nothing on 48 of 50 items (usually filled on 100%): the site may have changed',
    ]);
  });

  it('compares only with succeeded runs, and flags a failed run', () => {
    expect(assessHealth(run(50), [run(0, {}, 'failed'), run(5, {}, 'partial')]).health).toBe('ok');
    const failed = assessHealth({ ...run(0, {}, 'failed'), error: 'HTTP 500' }, [run(50)]);
    expect(failed.reasons).toEqual(['the last run failed: HTTP 500']);
    expect(failed.itemCountCollapsed).toBe(false);
  });

  it('a first run that finds nothing needs attention', () => {
    expect(assessHealth(run(0), []).reasons).toEqual([
      'the run found no items: check the listing URL and the item selector',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { clearMemo, memoize } from './memo.ts';

describe('memoize', () => {
  it('computes once within the time to live, again after it', async () => {
    clearMemo();
    let calls = 0;
    const compute = async () => ++calls;
    expect(await memoize('k', 1000, compute, 0)).toBe(1);
    expect(await memoize('k', 1000, compute, 500)).toBe(1);
    expect(await memoize('k', 1000, compute, 1500)).toBe(2);
  });

  it('does not remember a failure', async () => {
    clearMemo();
    await expect(memoize('f', 1000, () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down');
    expect(await memoize('f', 1000, async () => 'up', 1)).toBe('up');
  });

  it('forgets the oldest entries beyond its bound', async () => {
    clearMemo();
    let calls = 0;
    const compute = async () => ++calls;
    await memoize('first', 60_000, compute, 0);
    for (let i = 0; i < 2000; i++) await memoize(`k${i}`, 60_000, async () => 0, 0);
    expect(await memoize('first', 60_000, compute, 1)).toBe(2);
  });
});

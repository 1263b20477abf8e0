import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.ts';

describe('redactUrl', () => {
  it('hides credential-like query values and user info, keeps the rest', () => {
    expect(redactUrl('https://api.example.org/projets?page=2&apikey=s3cr3t&Token=abc')).toBe(
      'https://api.example.org/projets?page=2&apikey=REDACTED&Token=REDACTED',
    );
    expect(redactUrl('https://u:p@example.org/x')).toBe('https://example.org/x');
    expect(redactUrl('https://example.org/projets?page=2')).toBe('https://example.org/projets?page=2');
    expect(redactUrl('not a url')).toBe('not a url');
  });
});

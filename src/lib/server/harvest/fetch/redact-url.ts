/** Query parameters that usually carry credentials in partners' API URLs. */
const SECRET_PARAMS =
  /^(api[-_]?key|key|token|access[-_]?token|auth|secret|password|passwd|pwd|sig|signature|client[-_]?secret)$/i;

/** The URL for logs: values of credential-like query parameters replaced, so logs never hold secrets. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.test(name)) {
      parsed.searchParams.set(name, 'REDACTED');
      changed = true;
    }
  }
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
    changed = true;
  }
  return changed ? parsed.href : url;
}

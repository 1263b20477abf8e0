/** Hosts many unrelated projects share: the same host there says nothing about the project. */
const SHARED_HOSTS = new Set([
  'facebook.com',
  'fr-fr.facebook.com',
  'm.facebook.com',
  'twitter.com',
  'x.com',
  'linkedin.com',
  'fr.linkedin.com',
  'instagram.com',
  'youtube.com',
  'youtu.be',
  'helloasso.com',
  'google.com',
  'sites.google.com',
  'wordpress.com',
  'blogspot.com',
  'over-blog.com',
  'wix.com',
  'fondationlafrancesengage.org',
]);

/** The website's host without "www.", or null for none or a host shared by unrelated projects. */
export function websiteDomain(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
    return SHARED_HOSTS.has(host) ? null : host;
  } catch {
    return null;
  }
}

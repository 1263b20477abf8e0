/** The honeypot field of the public forms: hidden from people, filled in by naive bots. */
export const HONEYPOT_FIELD = 'site_web_verification';

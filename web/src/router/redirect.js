/** Where to go after login: a path on this site from ?redirect=, otherwise home. */
export function safeRedirect(value) {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  // "//host" and "/\host" would leave the site.
  if (value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return '/';
  return value;
}

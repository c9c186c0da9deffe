// What the server counts as its own address, and the one spelling of an origin it compares.
// Cross-origin decisions never look at the Host header: a page on attacker.example that makes
// its name point at this server (DNS rebinding) sends Host: attacker.example, which is exactly
// what must not make it "same-origin".

/**
 * "HTTPS://Intranet.Gemeente.nl:443/" → "https://intranet.gemeente.nl". Throws (in English, for
 * the start-up error that names the variable) when the entry is not a bare origin.
 */
export function normalizeOrigin(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error('is not an origin such as https://intranet.gemeente.nl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('must start with http:// or https://');
  if (url.username || url.password) throw new Error('must not contain a user name or password');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) throw new Error('must be an origin only: scheme, host and port, without a path');
  return url.origin;
}

export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** The origins a server on loopback `port` is reached at from its own machine. */
export function loopbackOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
}

/** host[:port] of each origin, as a Host header carries it. */
export function hostsOf(origins: readonly string[]): Set<string> {
  return new Set(origins.map((origin) => new URL(origin).host));
}

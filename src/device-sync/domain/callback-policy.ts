import { BlockList, isIP } from 'node:net';

/**
 * Which callback URLs device sync may fetch: Garmin names a URL in each notification, and the
 * service fetches it, so without a policy anyone who can send a notification could make the
 * service request any address it reaches (server-side request forgery). A URL is fetched only when
 * its host and port are on the allow-list (GARMIN_CALLBACK_HOSTS), over https unless its entry says
 * `http://`, and a named host only when every address it resolves to is public; an address written
 * on the list itself (the test server's `127.0.0.1:port`) is taken as the operator's choice.
 */

/** One entry of GARMIN_CALLBACK_HOSTS. */
export interface AllowedHost {
  /** Lower case, without a trailing dot; IPv6 addresses without brackets. */
  host: string;
  /** Null: the scheme's default port (443, or 80 for plain http). */
  port: number | null;
  /** Written as `http://...`: plain http is allowed to it (https always is). */
  allowHttp: boolean;
  /** The host is an IP address, listed explicitly: its address is not checked again. */
  literal: boolean;
}

/** A callback URL the policy allows, with the entry that allows it. */
export interface AllowedCallback {
  url: URL;
  host: string;
  port: number;
  entry: AllowedHost;
}

export type CallbackDecision = { allowed: true; callback: AllowedCallback } | { allowed: false; reason: string };

const DEFAULT_PORTS: Record<string, number> = { 'https:': 443, 'http:': 80 };

const normalHost = (hostname: string) =>
  hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');

/** `host:port` as people write it (IPv6 in brackets). */
export function hostLabel(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Parses GARMIN_CALLBACK_HOSTS: comma-separated `host`, `host:port`, `https://host[:port]` or
 * `http://host[:port]`. Throws naming the first entry that is not one of these.
 */
export function parseCallbackHosts(value: string): AllowedHost[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ? entry : `https://${entry}`;
      let url: URL;
      try {
        url = new URL(withScheme);
      } catch {
        throw new Error(`"${entry}" is not a host[:port]`);
      }
      if (!(url.protocol in DEFAULT_PORTS))
        throw new Error(`"${entry}": only http:// and https:// hosts can be listed`);
      if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
        throw new Error(`"${entry}" must be a host[:port] alone, without a path, query or credentials`);
      }
      const host = normalHost(url.hostname);
      const explicitPort = url.port === '' ? null : Number(url.port);
      // URL drops a port that is the scheme's default: `https://h:443` is `h` on its default port.
      return { host, port: explicitPort, allowHttp: url.protocol === 'http:', literal: isIP(host) !== 0 };
    });
}

/** `host:port` of a URL, as the allow-list matches it; null when it is no http(s) URL. */
export function callbackHostOf(callbackUrl: string): string | null {
  try {
    const url = new URL(callbackUrl);
    const defaultPort = DEFAULT_PORTS[url.protocol];
    if (defaultPort === undefined) return null;
    return hostLabel(normalHost(url.hostname), url.port === '' ? defaultPort : Number(url.port));
  } catch {
    return null;
  }
}

/** Whether `callbackUrl` may be fetched, and if not, why (said to admins; the URL itself is never repeated, it holds a token). */
export function checkCallbackUrl(callbackUrl: string, allowed: readonly AllowedHost[]): CallbackDecision {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    return { allowed: false, reason: 'the callback URL is not a valid URL' };
  }
  const defaultPort = DEFAULT_PORTS[url.protocol];
  if (defaultPort === undefined) {
    return { allowed: false, reason: `the callback URL's scheme ${url.protocol} is not http or https` };
  }
  if (url.username || url.password) return { allowed: false, reason: 'the callback URL carries credentials' };
  const host = normalHost(url.hostname);
  const port = url.port === '' ? defaultPort : Number(url.port);
  const entry = allowed.find((e) => e.host === host && (e.port ?? defaultPort) === port);
  if (!entry) {
    return { allowed: false, reason: `the callback host ${hostLabel(host, port)} is not on GARMIN_CALLBACK_HOSTS` };
  }
  if (url.protocol === 'http:' && !entry.allowHttp) {
    return {
      allowed: false,
      reason: `the callback URL uses plain http to ${hostLabel(host, port)}, which is listed for https only`,
    };
  }
  return { allowed: true, callback: { url, host, port, entry } };
}

/** Addresses no callback may reach unless listed explicitly: private, loopback, link-local, shared, reserved, multicast. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  // BlockList checks IPv4-mapped addresses (::ffff:a.b.c.d) against the IPv4 ranges above. IPv4/IPv6
  // translation and 6to4 addresses carry an IPv4 address inside too: refused whole.
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** True for an address on the public internet; false for any other, and for text that is not an address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether the callback may connect to `address`, one its host resolved to. */
export function addressAllowed(callback: AllowedCallback, address: string): boolean {
  return callback.entry.literal ? normalHost(address) === callback.host : isPublicAddress(address);
}

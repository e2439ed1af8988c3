import proxyAddr from '@fastify/proxy-addr';

/** Distinct addresses whose answer is kept (the map is emptied when it is full). */
const MAX_REMEMBERED = 10_000;

/**
 * Fastify's `trustProxy` for a parsed TRUST_PROXY. Given addresses or CIDRs, Fastify asks
 * proxy-addr about each hop whenever `request.ip` is read, and proxy-addr parses the address
 * every time: about a microsecond per hop, twice per request behind one proxy. Its answer
 * depends on the address alone, so each answer is remembered.
 */
export function trustProxyOption(
  trust: boolean | number | string[],
): boolean | number | ((address: string, hop: number) => boolean) {
  if (!Array.isArray(trust)) return trust;
  const trusted = proxyAddr.compile(trust);
  const known = new Map<string, boolean>();
  return (address, hop) => {
    let answer = known.get(address);
    if (answer === undefined) {
      answer = trusted(address, hop);
      if (known.size >= MAX_REMEMBERED) known.clear();
      known.set(address, answer);
    }
    return answer;
  };
}

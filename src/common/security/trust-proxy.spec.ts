import fc from 'fast-check';
import proxyAddr from '@fastify/proxy-addr';
import { trustProxyOption } from './trust-proxy';

describe('trustProxyOption', () => {
  it('passes booleans and hop counts through', () => {
    expect(trustProxyOption(false)).toBe(false);
    expect(trustProxyOption(true)).toBe(true);
    expect(trustProxyOption(2)).toBe(2);
  });

  it('answers like proxy-addr for addresses and CIDRs, asked once or many times (property)', () => {
    const list = ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'];
    const expected = proxyAddr.compile(list);
    const trust = trustProxyOption(list) as (address: string, hop: number) => boolean;
    const address = fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc.ipV4().map((ip) => `::ffff:${ip}`),
      fc.constantFrom('127.0.0.1', '10.1.2.3', '::ffff:127.0.0.1', '::1', 'fd12::1', 'not-an-ip', ''),
    );
    fc.assert(
      fc.property(address, fc.nat(5), (ip, hop) => {
        const want = expected(ip, hop);
        return trust(ip, hop) === want && trust(ip, hop) === want;
      }),
    );
  });
});

import { Injectable } from '@nestjs/common';
import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import { IncomingMessage, request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { addressAllowed, AllowedCallback, hostLabel } from './domain/callback-policy';

/** What fetching a callback URL came to. */
export type FetchOutcome =
  | { kind: 'fetched'; bytes: Buffer }
  /** Never to be tried again: the policy or the answer says the file is not to be had this way. */
  | { kind: 'refused'; reason: string }
  /** Did not work; `retry` when trying again later may (network, timeout, 5xx, 408, 429). */
  | { kind: 'failed'; reason: string; retry: boolean };

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
}

class AddressRefused extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Resolves like the socket would, and refuses before connecting when any address the host
 * resolves to is one the policy keeps the callback from (so a name cannot be made to point at an
 * internal address between a check and the connection: the checked address is the one used).
 */
function guardedLookup(callback: AllowedCallback) {
  return (hostname: string, options: LookupOptions, done: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return done(error, []);
      const refused = addresses.find((a) => !addressAllowed(callback, a.address));
      if (refused || addresses.length === 0) {
        const what = refused ? `${refused.address}, which is not a public address` : 'no address';
        return done(new AddressRefused(`the callback host ${callback.host} resolves to ${what}`), []);
      }
      if (options.all) return done(null, addresses);
      done(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * Fetches an allowed callback URL over plain Node http(s): one GET, no redirect followed (a 3xx is
 * refused), the body bounded (refused above `maxBytes`, read no further), the whole exchange bounded
 * by `timeoutMs`. Node's http client rather than fetch because it takes a lookup function, so the
 * addresses checked are the ones connected to. Reasons name the host, never the URL (it holds a token).
 */
@Injectable()
export class CallbackFetcher {
  fetch(callback: AllowedCallback, limits: FetchLimits): Promise<FetchOutcome> {
    const where = hostLabel(callback.host, callback.port);
    const options: RequestOptions = {
      method: 'GET',
      headers: { accept: '*/*', 'user-agent': 'football-coaching-api device-sync' },
      lookup: guardedLookup(callback) as RequestOptions['lookup'],
      signal: AbortSignal.timeout(limits.timeoutMs),
      agent: false,
    };
    const send = callback.url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<FetchOutcome>((resolve) => {
      const request = send(callback.url, options, (response) => {
        void read(response, limits.maxBytes, where).then(resolve);
      });
      request.on('error', (error: Error) => {
        if (error instanceof AddressRefused) return resolve({ kind: 'refused', reason: error.message });
        const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
        const reason = timedOut
          ? `${where} did not answer within ${limits.timeoutMs} ms`
          : `${where} could not be reached (${(error as NodeJS.ErrnoException).code ?? error.message})`;
        resolve({ kind: 'failed', reason, retry: true });
      });
      request.end();
    });
  }
}

function read(response: IncomingMessage, maxBytes: number, where: string): Promise<FetchOutcome> {
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    response.resume();
    if (status >= 300 && status < 400) {
      return Promise.resolve({
        kind: 'refused',
        reason: `${where} answered ${status}, a redirect, which is not followed`,
      });
    }
    const retry = status === 408 || status === 429 || status >= 500;
    return Promise.resolve({ kind: 'failed', reason: `${where} answered ${status}`, retry });
  }
  const tooLarge: FetchOutcome = { kind: 'refused', reason: `the file from ${where} is larger than ${maxBytes} bytes` };
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    return Promise.resolve(tooLarge);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (outcome: FetchOutcome) => {
      if (done) return;
      done = true;
      resolve(outcome);
    };
    const cutOff = (error?: Error) => {
      const timedOut = error?.name === 'AbortError' || error?.name === 'TimeoutError';
      const reason = timedOut ? `${where} sent the file too slowly` : `the file from ${where} was cut off`;
      finish({ kind: 'failed', reason, retry: true });
    };
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        finish(tooLarge); // before destroy(), which reports the body as cut off
        response.destroy();
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => finish({ kind: 'fetched', bytes: Buffer.concat(chunks) }));
    response.on('error', cutOff);
    response.on('aborted', () => cutOff());
  });
}

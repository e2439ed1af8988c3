import {
  addressAllowed,
  AllowedCallback,
  checkCallbackUrl,
  isPublicAddress,
  parseCallbackHosts,
} from './callback-policy';

const reasonOf = (url: string, hosts: string) => {
  const decision = checkCallbackUrl(url, parseCallbackHosts(hosts));
  return decision.allowed ? 'allowed' : decision.reason;
};

const allowedCallback = (url: string, hosts: string): AllowedCallback => {
  const decision = checkCallbackUrl(url, parseCallbackHosts(hosts));
  if (!decision.allowed) throw new Error(decision.reason);
  return decision.callback;
};

describe('parseCallbackHosts', () => {
  it('reads hosts, ports and plain-http entries, in lower case', () => {
    expect(parseCallbackHosts(' apis.garmin.com, Files.Example.COM.:8443 ,http://127.0.0.1:4567,[::1]:9000,')).toEqual([
      { host: 'apis.garmin.com', port: null, allowHttp: false, literal: false },
      { host: 'files.example.com', port: 8443, allowHttp: false, literal: false },
      { host: '127.0.0.1', port: 4567, allowHttp: true, literal: true },
      { host: '::1', port: 9000, allowHttp: false, literal: true },
    ]);
  });

  it('takes a default port written out as the default', () => {
    expect(parseCallbackHosts('https://apis.garmin.com:443')).toEqual([
      { host: 'apis.garmin.com', port: null, allowHttp: false, literal: false },
    ]);
  });

  it('is empty for an empty list', () => {
    expect(parseCallbackHosts('')).toEqual([]);
  });

  it.each([
    ['apis.garmin.com/wellness-api', /without a path/],
    ['user:pw@apis.garmin.com', /credentials/],
    ['ftp://files.example.com', /only http/],
    ['host:99999', /not a host/],
    ['apis.garmin.com?x=1', /query/],
  ])('refuses %s', (entry, message) => {
    expect(() => parseCallbackHosts(entry)).toThrow(message);
  });
});

describe('checkCallbackUrl', () => {
  const garmin = 'https://apis.garmin.com/wellness-api/rest/activityFile?id=123&token=secret';

  it('allows an https URL of a listed host on its default port', () => {
    const callback = allowedCallback(garmin, 'apis.garmin.com');
    expect({ host: callback.host, port: callback.port }).toEqual({ host: 'apis.garmin.com', port: 443 });
    expect(reasonOf('https://APIS.GARMIN.COM./x', 'apis.garmin.com')).toBe('allowed');
  });

  it('refuses a host that is not listed, naming host and port but never the token', () => {
    const reason = reasonOf('https://evil.example/steal?token=secret', 'apis.garmin.com');
    expect(reason).toBe('the callback host evil.example:443 is not on GARMIN_CALLBACK_HOSTS');
  });

  it('refuses the cloud metadata address and other unlisted addresses, however written', () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://2130706433/',
      'http://0x7f.1/',
      'https://[::ffff:127.0.0.1]/',
      'https://localhost/',
    ]) {
      expect(reasonOf(url, 'apis.garmin.com,http://127.0.0.1:4567')).toMatch(/is not on GARMIN_CALLBACK_HOSTS/);
    }
  });

  it('matches the port exactly', () => {
    expect(reasonOf('https://apis.garmin.com:8443/x', 'apis.garmin.com')).toMatch(/apis.garmin.com:8443 is not on/);
    expect(reasonOf('http://127.0.0.1:4568/x', 'http://127.0.0.1:4567')).toMatch(/127.0.0.1:4568 is not on/);
    expect(reasonOf('http://127.0.0.1:4567/x', 'http://127.0.0.1:4567')).toBe('allowed');
  });

  it('allows plain http only to hosts listed as http://, and https to those too', () => {
    expect(reasonOf('http://apis.garmin.com/x', 'apis.garmin.com')).toBe(
      'the callback URL uses plain http to apis.garmin.com:80, which is listed for https only',
    );
    expect(reasonOf('http://apis.garmin.com:443/x', 'apis.garmin.com')).toMatch(/apis.garmin.com:443 is not on/);
    expect(reasonOf('http://files.example.com/x', 'http://files.example.com')).toBe('allowed');
    expect(reasonOf('https://files.example.com/x', 'http://files.example.com')).toBe('allowed');
  });

  it('refuses other schemes, credentials and text that is no URL', () => {
    expect(reasonOf('file:///etc/passwd', 'apis.garmin.com')).toMatch(/scheme file: is not http or https/);
    expect(reasonOf('https://u:p@apis.garmin.com/x', 'apis.garmin.com')).toMatch(/credentials/);
    expect(reasonOf('https://[', 'apis.garmin.com')).toBe('the callback URL is not a valid URL');
  });
});

describe('isPublicAddress', () => {
  it.each(['8.8.8.8', '1.1.1.1', '34.117.59.81', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    '::ffff:127.0.0.1',
    'fd00::1',
    'fe80::1',
    'ff02::1',
    '2001:db8::1',
    '64:ff9b::7f00:1',
    'not an address',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe('addressAllowed', () => {
  it('a named host may connect only to public addresses', () => {
    const callback = allowedCallback('https://apis.garmin.com/x', 'apis.garmin.com');
    expect(addressAllowed(callback, '34.117.59.81')).toBe(true);
    expect(addressAllowed(callback, '127.0.0.1')).toBe(false);
    expect(addressAllowed(callback, '10.0.0.7')).toBe(false);
  });

  it('an address on the list is reached as listed, private or not', () => {
    const callback = allowedCallback('http://127.0.0.1:4567/x', 'http://127.0.0.1:4567');
    expect(addressAllowed(callback, '127.0.0.1')).toBe(true);
    expect(addressAllowed(callback, '10.0.0.7')).toBe(false);
  });
});

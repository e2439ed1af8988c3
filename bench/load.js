'use strict';
// Load generator for the benchmarks, run as its own process so it does not share the
// server's event loop. Requests carry X-Forwarded-For from a pool of client addresses, as
// traffic behind a load balancer does, so per-client rate limits see many clients.
//   node bench/load.js URL SECONDS CONNECTIONS CLIENTS [REQUEST]  -> prints autocannon's JSON result
// REQUEST is optional JSON, { "method": "POST", "headers": { ... }, "body": "..." }; default a plain GET.
// With "pathsFile": FILE in REQUEST, requests go to the paths listed in FILE (one a line, on URL's
// origin) in turn, one list for all connections, starting over at its end.
const autocannon = require('autocannon');
const { readFileSync } = require('node:fs');

const [url, seconds = '10', connections = '50', clients = '1000', request = '{}'] = process.argv.slice(2);
const { method = 'GET', headers = {}, body, pathsFile } = JSON.parse(request);
const paths = pathsFile ? readFileSync(pathsFile, 'utf8').split('\n').filter(Boolean) : undefined;
let n = 0;
let p = 0;
const nextPath = () => paths[p++ % paths.length];
const address = () => {
  const i = n++ % Number(clients);
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
};

autocannon(
  {
    url,
    duration: Number(seconds),
    connections: Number(connections),
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          ...(paths ? { path: nextPath() } : {}),
          headers: { ...req.headers, 'x-forwarded-for': address() },
        }),
      },
    ],
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    process.stdout.write(JSON.stringify(result));
  },
);

// A stand-in OpenTelemetry collector for the chain bench's exporting row: accepts every OTLP/HTTP export (traces,
// metrics, logs; protobuf or JSON) on 127.0.0.1, reads the body and answers 200. It runs in a process of its own
// and its CPU is not counted with the chain's: a collector's work is not the service's.
import { createServer } from 'node:http';

let exports = 0;
let bytes = 0;
const server = createServer((req, res) => {
  req.on('data', (chunk) => {
    bytes += chunk.length;
  });
  req.on('end', () => {
    if (req.method === 'POST') exports++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ exports, bytes }));
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// Baseline back hop: raw node:http answering GET /users/:id/orders with fixed bytes (BODY, the Order Service's
// answer for the benched user) — what the Order Service does, minus everything but the socket.
import { createServer } from 'node:http';

const body = Buffer.from(process.env.BODY ?? '[]');
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

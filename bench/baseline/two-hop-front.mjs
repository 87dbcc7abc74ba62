// Baseline front hop: raw node:http that calls the back hop (BACK_URL) with an undici keep-alive Pool, parses
// the JSON and answers the same bytes as the User Service: {"user_id":…,"orders":[…]}.
import { createServer } from 'node:http';
import { Pool } from 'undici';

const back = new Pool(process.env.BACK_URL, { connections: 128 });
const server = createServer(async (req, res) => {
  try {
    const userId = decodeURIComponent(req.url.split('/')[2] ?? '');
    const answer = await back.request({ path: req.url, method: 'GET', headers: { accept: 'application/json' } });
    const orders = await answer.body.json();
    const body = Buffer.from(JSON.stringify({ user_id: userId, orders }));
    res.writeHead(answer.statusCode, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  } catch {
    res.writeHead(502).end();
  }
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => back.close().then(() => process.exit(0))));

// Baseline back hop that does the Order Service's database work: raw node:http answering GET /users/:id/orders
// with the user's newest 50 orders read from PostgreSQL (DATABASE_URL) by one prepared statement through a `pg`
// pool — the same rows and bytes as the Order Service, minus the framework.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const history = {
  name: 'baseline_user_history',
  text: 'select id as order_id, item, quantity, status from orders where user_id = $1 order by created_at desc, id desc limit 51',
};

const server = createServer(async (req, res) => {
  try {
    const userId = decodeURIComponent(req.url.split('/')[2] ?? '');
    const { rows } = await pool.query({ ...history, values: [userId] });
    const body = Buffer.from(JSON.stringify(rows.slice(0, 50)));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  } catch {
    res.writeHead(500).end();
  }
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));

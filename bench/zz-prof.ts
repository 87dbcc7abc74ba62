import { join } from 'node:path';
import autocannon from 'autocannon';
import { BenchProcess } from './lib/bench-process';
const root = '/work/wt/issue-8';
(async () => {
  const back = await BenchProcess.start('back', [join(root, 'bench/baseline/two-hop-back.mjs')], { BODY: '[{"order_id":"ord001","item":"Laptop","quantity":1},{"order_id":"ord002","item":"Mouse","quantity":2}]' }, '/users/x/orders');
  const us = await BenchProcess.start('us', ['--cpu-prof', '--cpu-prof-dir=/tmp/prof8', join(root, 'dist/apps/user-service/main.js')], { ORDER_SERVICE_URL: back.url, ORDER_SERVICE_TRANSPORT: process.argv[2], ORDER_SERVICE_TIMEOUT_MS: '10000' }, '/health/live');
  const r = await autocannon({ url: us.url + '/users/user123/orders', connections: 10, duration: 5 });
  console.log(r.requests.average, r.non2xx);
  await us.stop(); await back.stop();
})();

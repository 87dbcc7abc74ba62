// Preload (`node -r ./bench/lib/cpu-profile-on-signal.cjs app.js`) that profiles the process from start-up and writes
// the V8 CPU profile to $CPU_PROFILE on SIGWINCH. `node --cpu-prof` writes only on a normal exit, and Nest's shutdown
// hooks end a service by re-raising SIGTERM, so its profile would never be written. Not SIGUSR2: Nest's shutdown
// hooks listen to it too (and end the app).
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new Session();
session.connect();
session.post('Profiler.enable', () => session.post('Profiler.start'));
process.on('SIGWINCH', () => {
  session.post('Profiler.stop', (error, result) => {
    if (error) throw error;
    writeFileSync(process.env.CPU_PROFILE ?? `${process.pid}.cpuprofile`, JSON.stringify(result.profile));
    // Start again, so a second signal profiles the next stretch (e.g. after a warm-up).
    session.post('Profiler.start');
  });
});

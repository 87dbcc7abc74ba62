// One ESLint for many would-be files: reads one JSON request a line ({ filePath, code }) and writes one JSON line
// of messages for each. The workspace config and the Nx project graph load once, not once a file (~5 s each).
const { createInterface } = require('node:readline');
const { ESLint } = require('eslint');

const eslint = new ESLint({ cwd: process.cwd() });
let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  const { filePath, code } = JSON.parse(line);
  queue = queue.then(async () => {
    const [result] = await eslint.lintText(code, { filePath });
    const messages = result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
    process.stdout.write(`${JSON.stringify(messages)}\n`);
  });
});

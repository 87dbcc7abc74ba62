// One ESLint for many would-be files: reads one JSON request a line ({ filePath, code }) on stdin and writes one JSON
// line of messages for each on file descriptor 3 (stdout is left to whatever the config's plugins print). The
// workspace config and the Nx project graph load once, not once a file (~5 s each).
const { createWriteStream } = require('node:fs');
const { createInterface } = require('node:readline');
const { ESLint } = require('eslint');

const eslint = new ESLint({ cwd: process.cwd() });
const answers = createWriteStream(null, { fd: 3 });
let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  const { filePath, code } = JSON.parse(line);
  queue = queue.then(async () => {
    const [result] = await eslint.lintText(code, { filePath });
    const messages = result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
    answers.write(`${JSON.stringify(messages)}\n`);
  });
});

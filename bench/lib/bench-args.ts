/** `--quick`: a short smoke run (CI) that only shows the script works and prints figures; it writes no entry. */
export function isQuick(argv: readonly string[] = process.argv.slice(2)): boolean {
  return argv.includes('--quick');
}

/** `--quick`: a short smoke run (CI) that only shows the script works and prints figures; it writes no entry. */
export function isQuick(argv: readonly string[] = process.argv.slice(2)): boolean {
  return hasFlag('quick', argv);
}

/** The number given as `--name=N` (or `--name N`), else `fallback`; throws on anything but a positive integer. */
export function numberArg(name: string, fallback: number, argv: readonly string[] = process.argv.slice(2)): number {
  const index = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index < 0) return fallback;
  const raw = argv[index].includes('=') ? argv[index].slice(argv[index].indexOf('=') + 1) : argv[index + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} wants a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

/** Whether the switch `--name` was given. */
export function hasFlag(name: string, argv: readonly string[] = process.argv.slice(2)): boolean {
  return argv.includes(`--${name}`);
}

/** The comma-separated values of `--name=a,b` (none when absent). */
export function listArg(name: string, argv: readonly string[] = process.argv.slice(2)): string[] {
  const arg = argv.find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? [] : arg.slice(name.length + 3).split(',').filter((value) => value !== '');
}

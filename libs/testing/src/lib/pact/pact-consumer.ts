import { readFileSync } from 'node:fs';

/** The consumer a pact file is of (its `consumer.name`, an Nx project name): whose credential its verification sends. */
export function pactConsumer(pactFile: string): string {
  const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as { consumer?: { name?: unknown } };
  if (typeof pact.consumer?.name !== 'string') throw new Error(`${pactFile}: names no consumer`);
  return pact.consumer.name;
}

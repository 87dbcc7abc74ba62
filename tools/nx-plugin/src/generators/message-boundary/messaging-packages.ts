import { addDependenciesToPackageJson, readJson, type Tree } from '@nx/devkit';

/**
 * What Nest's RabbitMQ transport needs besides the kit, at the versions this repository pins in its root package.json
 * (its spec checks they agree): the transport, and the AMQP client and connection manager it loads at run time.
 */
export const MESSAGING_DEPENDENCIES: Record<string, string> = {
  '@nestjs/microservices': '11.2.6',
  amqplib: '0.10.9',
  'amqp-connection-manager': '5.0.0',
};

/** Adds to the root package.json the messaging packages it lacks (a version it lists is left as it is); answers their names. */
export function addMessagingPackages(tree: Tree): string[] {
  const json = tree.exists('package.json') ? readJson<{ dependencies?: object; devDependencies?: object }>(tree, 'package.json') : {};
  const listed = { ...json.dependencies, ...json.devDependencies } as Record<string, string>;
  const missing = Object.fromEntries(Object.entries(MESSAGING_DEPENDENCIES).filter(([name]) => listed[name] === undefined));
  // The returned install task is not run: the user runs `npm install`, as the README's adoption steps say.
  if (Object.keys(missing).length > 0) addDependenciesToPackageJson(tree, missing, {}, undefined, true);
  return Object.keys(missing);
}

import { getProjects, names, type ProjectConfiguration, type Tree } from '@nx/devkit';
import { serviceBaseName, spellings, type Spellings } from '../boundary/boundary-names';
import { eventNames, eventsContractName, queueName, type EventNames } from './message-names';
import type { MessageBoundaryGeneratorSchema } from './schema';

/** Everything the message boundary is named by, derived once from the options and the workspace. */
export interface MessageBoundary extends EventNames {
  publisherProject: string;
  consumerProject: string;
  /** The apps' names without an npm scope. */
  publisherApp: string;
  consumerApp: string;
  /** The apps' base names: `<name>` for an app `<name>-service`, else the app's name (scope tags, library names). */
  publisher: string;
  consumer: string;
  pub: Spellings;
  /** `InvoiceIssued`-style class prefix of the publisher app (`BillingService`). */
  publisherAppClass: string;
  /** The events contract library (`billing-events-contract`) and its import path. */
  contract: string;
  contractImport: string;
  /** The queue the consumer takes the event from (`shop.invoices-issued`). */
  queue: string;
  publisherRoot: string;
  consumerRoot: string;
  publisherSourceRoot: string;
  consumerSourceRoot: string;
  /** Whether the consumer has this event's handler already: the generator then has nothing to do. */
  alreadyWired: boolean;
}

/** The boundary's names, or a one-line refusal of input it cannot serve. */
export function planMessageBoundary(tree: Tree, { publisher: publisherName, consumer: consumerName, event }: MessageBoundaryGeneratorSchema): MessageBoundary {
  const projects = getProjects(tree);
  for (const [role, app] of [['publisher', publisherName], ['consumer', consumerName]] as const) {
    const project = projects.get(app);
    if (project === undefined || project.projectType !== 'application') {
      const apps = [...projects].filter(([, p]) => p.projectType === 'application').map(([name]) => name);
      throw new Error(`Unknown ${role} "${app}": pass an existing app, e.g. ${apps.join(' or ') || 'billing-service'}.`);
    }
    const main = `${project.sourceRoot ?? `${project.root}/src`}/main.ts`;
    if (!(tree.read(main, 'utf8') ?? '').includes('NestFactory')) {
      throw new Error(`The ${role} "${app}" is not a NestJS app: ${main} does not start one with NestFactory.`);
    }
  }
  if (publisherName === consumerName) {
    throw new Error(`Publisher and consumer are both "${publisherName}": a message boundary joins two different apps.`);
  }
  const n = eventNames(event);
  if (n === undefined) throw new Error(`Invalid event "${event}": use kebab-case <subject>-<verb>, e.g. invoice-issued or stock-level-changed.`);
  const [publisherApp, consumerApp] = [publisherName, consumerName].map((name) => name.replace(/^@[^/]+\//, ''));
  const publisher = serviceBaseName(publisherApp) ?? publisherApp;
  const consumer = serviceBaseName(consumerApp) ?? consumerApp;
  const publisherProject = projects.get(publisherName) as ProjectConfiguration;
  const consumerProject = projects.get(consumerName) as ProjectConfiguration;
  const contract = eventsContractName(publisher);
  const consumerSourceRoot = consumerProject.sourceRoot ?? `${consumerProject.root}/src`;
  const eventFile = `libs/${contract}/src/lib/${event}.event.ts`;
  const handler = `${consumerSourceRoot}/events/${event}.consumer.ts`;
  const alreadyWired = tree.exists(eventFile) && tree.exists(handler);
  if (!alreadyWired && tree.exists(eventFile)) {
    throw new Error(`The event ${n.pattern} already exists (${eventFile}): choose another event, or wire a further consumer of it by hand.`);
  }
  if (!alreadyWired && tree.exists(`libs/${contract}`)) {
    throw new Error(`libs/${contract} already exists: adding ${event} to an existing events contract is not generated yet, add it by hand.`);
  }
  return {
    ...n,
    publisherProject: publisherName,
    consumerProject: consumerName,
    publisherApp,
    consumerApp,
    publisher,
    consumer,
    pub: spellings(publisher),
    publisherAppClass: names(publisherApp).className,
    contract,
    contractImport: `@boundary/${contract}`,
    queue: queueName(consumer, n),
    publisherRoot: publisherProject.root,
    consumerRoot: consumerProject.root,
    publisherSourceRoot: publisherProject.sourceRoot ?? `${publisherProject.root}/src`,
    consumerSourceRoot,
    alreadyWired,
  };
}

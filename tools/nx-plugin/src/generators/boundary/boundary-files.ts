import { joinPathFragments } from '@nx/devkit';
import { relativeImport } from './ast/root-module';
import type { Boundary } from './boundary-plan';
import type { ConsumerWiring } from './consumer-wiring';
import type { ProviderWiring } from './provider-wiring';

/** A template folder under files/, the folder it is written to, and its own substitutions. */
export type Templates = [folder: string, target: string, substitutions: Record<string, unknown>];

/**
 * The template folders to write and where, the files they create in the apps (a clash with one is refused), what to tell
 * the user, and the substitutions every template shares. A further consumer of a provider gets its own files only; an
 * app without a test app gets one on its root module. `lib` is the folder of the libraries' own config files: `lib-nx`
 * where each library names its Jest transform, as Nx's library generator writes it; `lib-ts` where libraries are
 * workspace packages with TypeScript project references.
 */
export function filesToWrite(b: Boundary, consumer: ConsumerWiring, provider: ProviderWiring | undefined, lib = 'lib') {
  const templates: Templates[] = [];
  const created: string[] = [];
  const notes: string[] = [];
  const generic = (app: string, sourceRoot: string, root: ConsumerWiring['root'], appClass: string): Templates => {
    const path = joinPathFragments(sourceRoot, `${app}.test-app.ts`);
    created.push(path);
    return ['test-app', sourceRoot.replace(/\/src$/, ''), { app, appClass, rootClass: root.className, rootImport: relativeImport(path, root.path) }];
  };
  if (!b.existingLibraries) {
    templates.push([lib, `libs/${b.provider}-contract`, { project: `${b.provider}-contract`, libType: 'contract', testingEntry: false, contractDependency: false }]);
    templates.push(['contract', `libs/${b.provider}-contract`, {}]);
    templates.push([lib, `libs/${b.provider}-client`, { project: `${b.provider}-client`, libType: 'client', testingEntry: true, contractDependency: true }]);
    templates.push(['client', `libs/${b.provider}-client`, {}]);
  }
  if (provider !== undefined) {
    templates.push(['provider', b.providerRoot, {}]);
    if (provider.testApp === undefined) templates.push(generic(b.providerApp, b.providerSourceRoot, provider.root, b.providerAppClass));
    created.push(
      `${b.providerSourceRoot}/${b.resource}/${b.resource}.controller.ts`,
      `${b.providerSourceRoot}/${b.resource}/${b.singular}.repository.ts`,
      `${b.providerSourceRoot}/contract/${b.providerApp}.pact-verify.spec.ts`,
    );
  }
  templates.push(['consumer', b.consumerRoot, {}]);
  created.push(`${b.consumerSourceRoot}/contract/${b.providerApp}.pact.spec.ts`);
  if (consumer.ownLoader) {
    templates.push(['client-config', b.consumerRoot, {}]);
    created.push(`${b.consumerSourceRoot}/config/${b.provider}-client.config.ts`);
  }
  let consumerTestApp: string | undefined = `start${b.consumerAppClass}TestApp`;
  if (consumer.testApp === undefined && consumer.root.method === undefined) {
    templates.push(generic(b.consumerApp, b.consumerSourceRoot, consumer.root, b.consumerAppClass));
  } else if (consumer.testApp === undefined || !consumer.testApp.startsBare) {
    consumerTestApp = undefined;
    notes.push(`${b.consumerApp}: no wiring spec written (${consumer.testApp?.start ?? 'its test app'} needs arguments); its pact spec uses the real client.`);
  }
  if (consumerTestApp !== undefined) {
    templates.push(['consumer-wiring', b.consumerRoot, {}]);
    created.push(`${b.consumerSourceRoot}/${b.consumerApp}.${b.provider}-client.spec.ts`);
  }
  const substitutions = {
    providerTestApp: `start${b.providerAppClass}TestApp`,
    consumerTestApp,
    // How the verification gives the provider what it accepts: the consumer's own set, one shared token, or nothing.
    tokenOption: provider?.tokenOption,
  };
  return { templates, created, notes, substitutions };
}

import {
  addProjectConfiguration,
  generateFiles,
  getProjects,
  joinPathFragments,
  readJson,
  type GeneratorCallback,
  type ProjectConfiguration,
  type Tree,
} from '@nx/devkit';
import { join } from 'node:path';
import { serviceBaseName, singularOf, spellings, type Spellings } from './boundary-names';
import type { BoundaryGeneratorSchema } from './schema';
import { writeCommittedOpenApi } from '../../open-api/committed-open-api';
import { appendToArray, insertAfter, insertBefore, UneditableFileError } from './source-edits';
import { ensureWorkspaceDefaults, VERIFY_COMMAND } from './workspace-defaults';

/** Everything the boundary is named by, derived once from the options. */
interface Boundary {
  providerApp: string;
  consumerApp: string;
  provider: string;
  consumer: string;
  resource: string;
  singular: string;
  p: Spellings;
  c: Spellings;
  r: Spellings;
  s: Spellings;
  providerPort: number;
  providerRoot: string;
  consumerRoot: string;
}

/**
 * Generates the boundary between two apps made by the service generator, as user-service → order-service has it:
 * the provider's contract and client libraries, its `GET /<resource>/:id` route, verification and `verify` target;
 * the consumer's wiring, pact spec and `contract` target; module-boundary rules, tsconfig paths, `nx affected`
 * wiring and a TESTING.md section. Throws one line, before writing anything, on input it cannot serve.
 */
export async function boundaryGenerator(tree: Tree, options: BoundaryGeneratorSchema): Promise<GeneratorCallback> {
  const boundary = resolveBoundary(tree, options);
  // Every edit is computed (and may refuse) before the first write.
  const edits = planEdits(tree, boundary);
  const substitutions = { ...boundary, tmpl: '' };
  const { provider, providerRoot, consumerRoot } = boundary;
  generateFiles(tree, join(__dirname, 'files', 'lib'), `libs/${provider}-contract`, { ...substitutions, project: `${provider}-contract` });
  generateFiles(tree, join(__dirname, 'files', 'contract'), `libs/${provider}-contract`, substitutions);
  generateFiles(tree, join(__dirname, 'files', 'lib'), `libs/${provider}-client`, { ...substitutions, project: `${provider}-client` });
  generateFiles(tree, join(__dirname, 'files', 'client'), `libs/${provider}-client`, substitutions);
  generateFiles(tree, join(__dirname, 'files', 'provider'), providerRoot, substitutions);
  generateFiles(tree, join(__dirname, 'files', 'consumer'), consumerRoot, substitutions);
  for (const [path, content] of edits) tree.write(path, content);
  ensureWorkspaceDefaults(tree);
  addProjectConfiguration(tree, `${provider}-contract`, libraryConfiguration(`libs/${provider}-contract`, 'type:contract', provider));
  addProjectConfiguration(tree, `${provider}-client`, libraryConfiguration(`libs/${provider}-client`, 'type:client', provider));
  // The provider now serves one more route: its committed OpenAPI document follows.
  return () => writeCommittedOpenApi(tree.root, options.provider);
}

export default boundaryGenerator;

/** The boundary's names, or a one-line refusal. */
function resolveBoundary(tree: Tree, { provider: providerApp, consumer: consumerApp, resource }: BoundaryGeneratorSchema): Boundary {
  const projects = getProjects(tree);
  for (const [role, app] of [['provider', providerApp], ['consumer', consumerApp]] as const) {
    const project = projects.get(app);
    if (project === undefined || project.projectType !== 'application') {
      throw new Error(`Unknown ${role} "${app}": pass an existing app, e.g. ${[...appsOf(projects)].join(' or ') || 'inventory-service'}.`);
    }
    if (serviceBaseName(app) === undefined) {
      throw new Error(`The ${role} "${app}" is not named <name>-service: only apps made by @boundary/nx-plugin:service can be wired.`);
    }
  }
  if (providerApp === consumerApp) {
    throw new Error(`Provider and consumer are both "${providerApp}": a boundary joins two different apps.`);
  }
  const singular = singularOf(resource);
  if (singular === undefined) {
    throw new Error(`Invalid resource "${resource}": use a kebab-case plural noun, e.g. items or stock-levels.`);
  }
  const provider = serviceBaseName(providerApp) as string;
  const consumer = serviceBaseName(consumerApp) as string;
  const providerProject = projects.get(providerApp) as ProjectConfiguration;
  if ((providerProject.implicitDependencies ?? []).includes(consumerApp) || providerProject.targets?.['verify']) {
    throw new Error(`${consumerApp} already consumes ${providerApp}, or ${providerApp} already has a verify target: the generator makes a provider's first boundary only.`);
  }
  for (const lib of [`${provider}-contract`, `${provider}-client`]) {
    if (projects.has(lib) || tree.exists(`libs/${lib}`)) {
      throw new Error(`libs/${lib} already exists: the generator makes a provider's first boundary only; extend the libraries by hand.`);
    }
  }
  const port = (providerProject.metadata as { port?: unknown } | undefined)?.port;
  if (typeof port !== 'number') {
    throw new Error(`${providerApp} records no port in project.json metadata: only apps made by @boundary/nx-plugin:service can be wired.`);
  }
  return {
    providerApp,
    consumerApp,
    provider,
    consumer,
    resource,
    singular,
    p: spellings(provider),
    c: spellings(consumer),
    r: spellings(resource),
    s: spellings(singular),
    providerPort: port,
    providerRoot: providerProject.root,
    consumerRoot: (projects.get(consumerApp) as ProjectConfiguration).root,
  };
}

function* appsOf(projects: Map<string, ProjectConfiguration>): Iterable<string> {
  for (const [name, project] of projects) if (project.projectType === 'application') yield name;
}

/** A file's content, or a refusal naming it when the app does not have it. */
function readOrRefuse(tree: Tree, path: string): string {
  const content = tree.read(path, 'utf8');
  if (content === null) {
    throw new Error(`${path} does not exist: only apps made by @boundary/nx-plugin:service can be wired.`);
  }
  return content;
}

/** Every file the generator changes rather than creates, with its new content; throws one line if one cannot be. */
function planEdits(tree: Tree, b: Boundary): Map<string, string> {
  const edits = new Map<string, string>();
  const edit = (path: string, change: (source: string) => string) => {
    edits.set(path, change(edits.get(path) ?? readOrRefuse(tree, path)));
  };
  try {
    editProvider(b, edit);
    editConsumer(b, edit);
    edit('eslint.config.mjs', (source) => withScopeRules(source, b));
    edit('TESTING.md', (source) => `${source.replace(/\n*$/, '\n')}\n${testingSection(b)}`);
  } catch (error) {
    if (error instanceof UneditableFileError) throw new Error(error.message);
    throw error;
  }
  edits.set('tsconfig.base.json', withPaths(tree, b));
  for (const path of createdPaths(b)) {
    if (tree.exists(path)) throw new Error(`${path} already exists: remove it or choose another resource.`);
  }
  return edits;
}

type Edit = (path: string, change: (source: string) => string) => void;

function editProvider({ s, r, providerRoot, provider, resource, singular, providerApp, consumerApp }: Boundary, edit: Edit): void {
  const modulePath = joinPathFragments(providerRoot, 'src', provider, `${provider}.module.ts`);
  edit(modulePath, (source) => {
    let out = insertAfter(
      source,
      "import { Module } from '@nestjs/common';\n",
      `import { ${r.className}Controller } from '../${resource}/${resource}.controller';\n` +
        `import { InMemory${s.className}Repository } from '../${resource}/in-memory-${singular}.repository';\n` +
        `import { ${s.className}Repository } from '../${resource}/${singular}.repository';\n`,
      modulePath,
    );
    out = appendToArray(out, 'controllers', `${r.className}Controller`, modulePath);
    return appendToArray(out, 'providers', `{ provide: ${s.className}Repository, useClass: InMemory${s.className}Repository }`, modulePath);
  });
  const jestConfig = joinPathFragments(providerRoot, 'jest.config.cjs');
  edit(jestConfig, (source) =>
    ignoringTests(
      source,
      "'\\\\.pact-verify\\\\.spec\\\\.ts$'",
      `Provider verification runs as its own target (\`nx verify ${providerApp}\`), after ${consumerApp}'s \`contract\`.`,
      jestConfig,
    ),
  );
  const projectJson = joinPathFragments(providerRoot, 'project.json');
  edit(projectJson, (source) => {
    const project = JSON.parse(source) as ProjectConfiguration;
    const database = project.targets?.['migrate'] !== undefined;
    // nx.json's verify default runs after the `contract` of the projects it depends on: the consumer, from now on.
    project.implicitDependencies = [...(project.implicitDependencies ?? []), consumerApp];
    const inputs = database ? { inputs: ['...', { env: 'DATABASE_URL' }] } : {};
    project.targets = { ...project.targets, verify: { ...inputs, options: { cwd: providerRoot, command: VERIFY_COMMAND } } };
    return `${JSON.stringify(project, null, 2)}\n`;
  });
}

function editConsumer({ p, c, consumerRoot, consumer, provider, providerApp, consumerApp, providerPort }: Boundary, edit: Edit): void {
  const src = joinPathFragments(consumerRoot, 'src');
  const P = p.constantName;
  const client = `${p.propertyName}Client`;
  const configPath = joinPathFragments(src, 'config', `${consumer}-service.config.ts`);
  edit(configPath, (source) => {
    let out = `import type { ${p.className}ClientOptions } from '@boundary/${provider}-client';\n${source}`;
    out = insertBefore(
      out,
      "    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),\n",
      `    ${P}_SERVICE_URL: z\n` +
        `      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:${providerPort}' })\n` +
        `      .default('http://localhost:${providerPort}'),\n` +
        `    ${P}_SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(2000),\n` +
        `    ${P}_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),\n`,
      configPath,
    );
    out = insertAfter(
      out,
      '  logLevel: LogLevel;\n',
      `  /** How \`${p.className}ServiceClient\` reaches the ${p.title} Service, as \`${p.className}ClientModule\` takes it. */\n` +
        `  ${client}: ${p.className}ClientOptions;\n`,
      configPath,
    );
    return insertAfter(
      out,
      '    logLevel: e.LOG_LEVEL,\n',
      `    ${client}: {\n` +
        `      baseUrl: e.${P}_SERVICE_URL,\n` +
        `      timeoutMs: e.${P}_SERVICE_TIMEOUT_MS,\n` +
        `      ...(e.${P}_SERVICE_TOKEN === undefined ? {} : { token: e.${P}_SERVICE_TOKEN }),\n` +
        `    },\n`,
      configPath,
    );
  });
  const configSpec = joinPathFragments(src, 'config', `${consumer}-service.config.spec.ts`);
  edit(configSpec, (source) =>
    `${insertAfter(
      source,
      "      logLevel: 'info',\n",
      `      ${client}: { baseUrl: 'http://localhost:${providerPort}', timeoutMs: 2000 },\n`,
      configSpec,
    )}\n${consumerConfigSpec(c, p, providerPort)}`,
  );
  const modulePath = joinPathFragments(src, `${consumer}-service.module.ts`);
  edit(modulePath, (source) => {
    let out = `import { ${p.className}ClientModule } from '@boundary/${provider}-client';\n${source}`;
    if (!/\bcurrentRequestId\b/.test(out)) out = insertBefore(out, '\n  LivenessModule,\n', '\n  currentRequestId,', modulePath);
    out = insertAfter(out, `Pick<${c.className}ServiceConfig, 'serviceToken'`, ` | '${client}'`, modulePath);
    return insertAfter(
      out,
      '        serviceLoggerModule(options.logger),\n',
      `        ${p.className}ClientModule.forRoot({ ...options.${client}, requestId: currentRequestId, isGlobal: true }),\n`,
      modulePath,
    );
  });
  const mainPath = joinPathFragments(src, 'main.ts');
  // An app made by the service generator passes its whole configuration to the root module (and its test app the
  // configuration's defaults): the client's options reach it as they are. Others get them added.
  edit(mainPath, (source) =>
    source.includes('forRoot({ ...config, ')
      ? source
      : insertAfter(source, 'forRoot({ serviceToken: config.serviceToken, ', `${client}: config.${client}, `, mainPath),
  );
  const testAppPath = joinPathFragments(src, `${consumer}-service.test-app.ts`);
  edit(testAppPath, (source) => {
    if (source.includes(`forRoot({ ...load${c.className}ServiceConfig({}), `)) return source;
    let out = source;
    const loader = `import { load${c.className}ServiceConfig } from './config/${consumer}-service.config';\n`;
    if (!out.includes(loader)) {
      out = insertBefore(out, `import { configure${c.className}ServiceApp`, loader, testAppPath);
    }
    // The client options a test app gets are the configuration's defaults: the provider at its recorded port.
    return insertAfter(out, 'forRoot({ serviceToken, ', `${client}: load${c.className}ServiceConfig({}).${client}, `, testAppPath);
  });
  const jestConfig = joinPathFragments(consumerRoot, 'jest.config.cjs');
  edit(jestConfig, (source) =>
    ignoringTests(
      source,
      "'\\\\.pact\\\\.spec\\\\.ts$'",
      `Consumer contract tests write pacts/ and run as their own target (\`nx contract ${consumerApp}\`).`,
      jestConfig,
    ),
  );
  const projectJson = joinPathFragments(consumerRoot, 'project.json');
  edit(projectJson, (source) => {
    const project = JSON.parse(source) as ProjectConfiguration;
    const pactFile = `{workspaceRoot}/pacts/${consumerApp}-${providerApp}.json`;
    // The rest of the target is nx.json's contract default.
    const existing = project.targets?.['contract'];
    project.targets = { ...project.targets, contract: { ...existing, outputs: [...(existing?.outputs ?? []), pactFile] } };
    return `${JSON.stringify(project, null, 2)}\n`;
  });
}

/**
 * A Jest config that leaves the files matching `pattern` (a quoted regex source) to their own target: added to its
 * `testPathIgnorePatterns` when it has them (an app that is already a consumer or a provider), else with them.
 */
function ignoringTests(source: string, pattern: string, why: string, file: string): string {
  if (source.includes(pattern)) return source;
  if (source.includes('testPathIgnorePatterns: [')) return appendToArray(source, 'testPathIgnorePatterns', pattern, file);
  return insertBefore(source, '\n};', `\n  // ${why}\n  testPathIgnorePatterns: ['/node_modules/', ${pattern}],`, file);
}

/** The consumer's configuration spec, extended: the provider's variables are read and checked. */
function consumerConfigSpec(c: Spellings, p: Spellings, port: number): string {
  const P = p.constantName;
  return `describe('load${c.className}ServiceConfig: the ${p.title} Service client', () => {
  it('reads ${P}_SERVICE_URL, ${P}_SERVICE_TIMEOUT_MS and ${P}_SERVICE_TOKEN', () => {
    expect(
      load${c.className}ServiceConfig({
        ${P}_SERVICE_URL: 'http://${p.name}.internal:${port}',
        ${P}_SERVICE_TIMEOUT_MS: '500',
        ${P}_SERVICE_TOKEN: 'a-token-of-at-least-16',
      }).${p.propertyName}Client,
    ).toEqual({ baseUrl: 'http://${p.name}.internal:${port}', timeoutMs: 500, token: 'a-token-of-at-least-16' });
  });

  it.each([
    ['${P}_SERVICE_URL', { ${P}_SERVICE_URL: 'ftp://${p.name}' }, /${P}_SERVICE_URL: must be an http\\(s\\) URL/],
    ['${P}_SERVICE_TIMEOUT_MS', { ${P}_SERVICE_TIMEOUT_MS: '0' }, /${P}_SERVICE_TIMEOUT_MS/],
    ['${P}_SERVICE_TOKEN', { ${P}_SERVICE_TOKEN: 'short' }, /${P}_SERVICE_TOKEN: must be at least 16 characters/],
  ])('rejects a bad %s, naming it', (_name, env, message) => {
    expect(() => load${c.className}ServiceConfig(env)).toThrow(message);
  });
});
`;
}

/** eslint.config.mjs with the consumer's scope allowed to depend on the provider's, and the provider's own rule. */
function withScopeRules(source: string, { provider, consumer }: Boundary): string {
  const file = 'eslint.config.mjs';
  let out = source;
  const rule = (scope: string) =>
    new RegExp(`\\{ sourceTag: 'scope:${scope}', onlyDependOnLibsWithTags: \\[([^\\]]*)\\] \\}`);
  const consumerRule = rule(consumer).exec(out);
  if (consumerRule) {
    const tags = consumerRule[1].split(',').map((tag) => tag.trim()).filter(Boolean);
    if (!tags.includes(`'scope:${provider}'`)) {
      const widened = [...tags.filter((tag) => tag !== "'scope:shared'"), `'scope:${provider}'`, "'scope:shared'"];
      out = out.replace(consumerRule[0], `{ sourceTag: 'scope:${consumer}', onlyDependOnLibsWithTags: [${widened.join(', ')}] }`);
    }
  } else {
    out = appendToArray(
      out,
      'depConstraints',
      `{ sourceTag: 'scope:${consumer}', onlyDependOnLibsWithTags: ['scope:${consumer}', 'scope:${provider}', 'scope:shared'] }`,
      file,
    );
  }
  if (!rule(provider).test(out)) {
    out = appendToArray(
      out,
      'depConstraints',
      `{ sourceTag: 'scope:${provider}', onlyDependOnLibsWithTags: ['scope:${provider}', 'scope:shared'] }`,
      file,
    );
  }
  return out;
}

/** tsconfig.base.json with the two libraries' import paths (and the client's testing entry point). */
function withPaths(tree: Tree, { provider }: Boundary): string {
  const tsconfig = readJson(tree, 'tsconfig.base.json');
  const paths: Record<string, string[]> = (tsconfig.compilerOptions ??= {}).paths ?? {};
  for (const entry of [`@boundary/${provider}-contract`, `@boundary/${provider}-client`, `@boundary/${provider}-client/testing`]) {
    if (paths[entry]) throw new Error(`tsconfig.base.json already maps ${entry}: the generator makes a provider's first boundary only.`);
  }
  tsconfig.compilerOptions.paths = {
    ...paths,
    [`@boundary/${provider}-contract`]: [`./libs/${provider}-contract/src/index.ts`],
    [`@boundary/${provider}-client`]: [`./libs/${provider}-client/src/index.ts`],
    [`@boundary/${provider}-client/testing`]: [`./libs/${provider}-client/src/testing/index.ts`],
  };
  return `${JSON.stringify(tsconfig, null, 2)}\n`;
}

/** Files in the apps the templates create; a clash with an existing one is refused. */
function createdPaths({ providerRoot, consumerRoot, provider, resource, singular, consumer }: Boundary): string[] {
  return [
    `${providerRoot}/src/${resource}/${resource}.controller.ts`,
    `${providerRoot}/src/${resource}/${singular}.repository.ts`,
    `${providerRoot}/src/${resource}/in-memory-${singular}.repository.ts`,
    `${providerRoot}/src/contract/${provider}-service.provider-states.ts`,
    `${providerRoot}/src/contract/${provider}-service.pact-verify.spec.ts`,
    `${consumerRoot}/src/contract/${provider}-service.pact.spec.ts`,
    `${consumerRoot}/src/${consumer}-service.${provider}-client.spec.ts`,
  ];
}

/**
 * A library's own configuration is its tags and two small files: its tsconfig.json extends the workspace's
 * tsconfig.libs.json, its `typecheck` target is the workspace default, its `lint` target comes from the root ESLint
 * config (the @nx/eslint plugin infers it for a project without its own) and its `test` target from its jest.config.cjs.
 */
function libraryConfiguration(root: string, type: string, scope: string): ProjectConfiguration {
  return { root, projectType: 'library', tags: [type, `scope:${scope}`], targets: { typecheck: {} } };
}

/** The TESTING.md section of the new boundary: its levels and the commands that run them. */
function testingSection({ p, s, providerApp, consumerApp, provider, resource, consumer }: Boundary): string {
  return `## Boundary ${consumerApp} → ${providerApp}

Generated by \`nx g @boundary/nx-plugin:boundary\`: the ${p.title} Service serves \`GET /${resource}/:${s.propertyName}Id\`
(\`libs/${provider}-contract\`), the ${consumerApp} calls it through \`${p.className}ServiceClient\` (\`libs/${provider}-client\`).

| level | where | what it proves |
|---|---|---|
| \`HttpService\` overridden | \`libs/${provider}-client/src/lib/${provider}-service.client.http-service.spec.ts\` | the client's request and its typed errors (\`${p.className}ServiceError\`) |
| provider overridden | \`libs/${provider}-client/src/testing/${provider}-service-client.stub.spec.ts\` | the strict stub a consumer test puts in place of the client (\`@boundary/${provider}-client/testing\`) |
| provider endpoint | \`apps/${providerApp}/src/${resource}/${resource}.controller.spec.ts\` | the route at module level: 200, 404 \`${s.constantName}_NOT_FOUND\`, 400 |
| consumer wiring | \`apps/${consumerApp}/src/${consumer}-service.${provider}-client.spec.ts\`, its config spec | the client module in the root module, \`${p.constantName}_SERVICE_URL\` / \`_TIMEOUT_MS\` / \`_TOKEN\` |
| contract | \`apps/${consumerApp}/src/contract/${provider}-service.pact.spec.ts\`, \`apps/${providerApp}/src/contract/${provider}-service.pact-verify.spec.ts\` | the pact \`pacts/${consumerApp}-${providerApp}.json\`, verified with the provider states of \`${provider}-service.provider-states.ts\` |

\`\`\`sh
npx nx run-many -t lint typecheck test -p ${provider}-contract ${provider}-client ${providerApp} ${consumerApp}
npx nx contract ${consumerApp}   # writes pacts/${consumerApp}-${providerApp}.json
npx nx verify ${providerApp}     # runs the contract first, then verifies the pact against the running service
\`\`\`

\`${providerApp}\` has an implicit dependency on \`${consumerApp}\`, so \`nx affected\` runs the verification when the
consumer (or its pact) changes. The generated \`InMemory${s.className}Repository\` is a starting point: replace it with a
real query and seed the provider states through it.
`;
}

import {
  addProjectConfiguration,
  generateFiles,
  getProjects,
  joinPathFragments,
  names,
  type GeneratorCallback,
  type ProjectConfiguration,
  type Tree,
} from '@nx/devkit';
import { join } from 'node:path';
import { openApiRegenerateCommand, writeCommittedOpenApi } from '../../open-api/committed-open-api';
import { addDeployEntries, DEPLOY_BASE, hasDeployEntries } from './deploy-entries';
import type { ServiceGeneratorSchema } from './schema';

const SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*-service$/;

/**
 * Generates `apps/<name>-service`: a NestJS app on `@boundary/service-kit` whose lint, typecheck, test and build pass
 * as generated. Throws one line, before writing anything, when the name is not kebab-case ending in `-service`, the
 * project exists, or another app records the port.
 */
export async function serviceGenerator(tree: Tree, options: ServiceGeneratorSchema): Promise<GeneratorCallback> {
  const { name, port } = options;
  const database = options.database ?? false;
  refuseBadInput(tree, name, port);

  const root = joinPathFragments('apps', name);
  const base = name.slice(0, -'-service'.length);
  const { className, constantName, propertyName } = names(base);
  const substitutions = {
    name: base,
    className,
    constantName,
    propertyName,
    title: base.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join(' '),
    // The PostgreSQL schema holding the service's tables and migration journal, apart from other services'.
    schemaName: constantName.toLowerCase(),
    port,
    database,
    // The first migration's journal time, as drizzle-kit stamps one: Drizzle's migrator applies only migrations stamped
    // later than the last one a database has, so a fixed (future) stamp would hide every migration generated before it.
    migratedAt: Date.now(),
    regenerate: openApiRegenerateCommand(name),
    tmpl: '',
  };
  generateFiles(tree, join(__dirname, 'files', 'app'), root, substitutions);
  generateFiles(tree, join(__dirname, 'files', database ? 'database' : 'in-memory'), root, substitutions);
  // The image and the Kubernetes objects, as every service has them (README, "Deploy to a cluster").
  generateFiles(tree, join(__dirname, 'files', 'docker'), root, substitutions);
  if (tree.exists(`${DEPLOY_BASE}/kustomization.yaml`)) addDeployEntries(tree, name, database, substitutions);
  addProjectConfiguration(tree, name, projectConfiguration(name, root, port, database));
  // The service's committed OpenAPI document (the breaking-change check compares it across commits) is what it serves.
  return () => writeCommittedOpenApi(tree.root, name);
}

export default serviceGenerator;

function refuseBadInput(tree: Tree, name: string, port: number): void {
  if (!SERVICE_NAME.test(name)) {
    throw new Error(`Invalid service name "${name}": use kebab-case ending in -service, e.g. inventory-service.`);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Invalid port ${port}: use an integer from 1 to 65535.`);
  }
  const projects = getProjects(tree);
  if (projects.has(name) || tree.exists(joinPathFragments('apps', name))) {
    throw new Error(`Project "${name}" already exists: choose another name.`);
  }
  if (hasDeployEntries(tree, name)) {
    throw new Error(`deploy/base/${name} already exists: remove it or choose another name.`);
  }
  for (const [other, project] of projects) {
    if ((project.metadata as { port?: unknown } | undefined)?.port === port) {
      throw new Error(`Port ${port} is already recorded by ${other}: choose another port.`);
    }
  }
}

/** The app's project.json: its port, tags and the targets the plugins do not infer (build, lint, test are inferred). */
function projectConfiguration(name: string, root: string, port: number, database: boolean): ProjectConfiguration {
  const base = name.slice(0, -'-service'.length);
  return {
    root,
    sourceRoot: joinPathFragments(root, 'src'),
    projectType: 'application',
    tags: ['type:app', `scope:${base}`],
    metadata: { port },
    targets: {
      build: { dependsOn: [] },
      serve: {
        continuous: true,
        executor: '@nx/js:node',
        defaultConfiguration: 'development',
        dependsOn: ['build'],
        options: {
          buildTarget: `${name}:build`,
          runBuildTargetDependencies: false,
          inspect: false,
          // As the image starts it: OpenTelemetry's tracing.js before main.js.
          runtimeArgs: ['--require', `./dist/apps/${name}/tracing.js`],
        },
        configurations: {
          development: { buildTarget: `${name}:build:development` },
          production: { buildTarget: `${name}:build:production` },
        },
      },
      ...(database
        ? {
            test: { inputs: ['default', '^production', { env: 'DATABASE_URL' }] },
            migrate: {
              executor: 'nx:run-commands',
              dependsOn: ['build'],
              cache: false,
              options: { command: `node dist/apps/${name}/main.js --migrate-only` },
            },
            'generate-migration': {
              executor: 'nx:run-commands',
              cache: false,
              options: {
                command: `drizzle-kit generate --config ${root}/drizzle.config.ts`,
                env: { TSX_TSCONFIG_PATH: 'tsconfig.base.json' },
              },
            },
          }
        : {}),
      typecheck: {
        options: {
          commands: [`tsc -p ${root}/tsconfig.app.json --noEmit`, `tsc -p ${root}/tsconfig.spec.json --noEmit`],
        },
      },
    },
  };
}

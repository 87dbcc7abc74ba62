import { createNodesFromFiles, type CreateNodesV2, type TargetConfiguration } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isService } from '../lib/workspace/services';

/**
 * The targets every service gets, whatever generated it. Never cached (they read git and the deployments), and never
 * run beside another task: two records of one environment would both rewrite its file, and two can-i-deploy runs
 * share the scratch worktrees.
 */
export const DEPLOY_TARGETS: Record<string, TargetConfiguration> = {
  'record-deployment': { executor: '@boundary/deploy-safety:record-deployment', cache: false, parallelism: false },
  'can-i-deploy': { executor: '@boundary/deploy-safety:can-i-deploy', cache: false, parallelism: false },
};

/**
 * Adds `record-deployment` and `can-i-deploy` to every project tagged as a service, so a service generated later
 * has them with no edit; its own project.json can still override them.
 */
export const createNodesV2: CreateNodesV2 = [
  '**/project.json',
  (configFiles, options, context) =>
    createNodesFromFiles(
      (configFile, _options, { workspaceRoot }) => {
        const project = JSON.parse(readFileSync(join(workspaceRoot, configFile), 'utf8')) as { tags?: string[] };
        return isService(project) ? { projects: { [dirname(configFile)]: { targets: DEPLOY_TARGETS } } } : {};
      },
      configFiles,
      options,
      context,
    ),
];

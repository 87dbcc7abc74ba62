import { logger, type ExecutorContext } from '@nx/devkit';
import { join } from 'node:path';
import { canIDeploy } from '../../lib/can-i-deploy/can-i-deploy';
import { formatMatrix } from '../../lib/can-i-deploy/matrix';
import { npmCi } from '../../lib/can-i-deploy/scratch-checkout';
import { servicesOf } from '../../lib/workspace/services';
import { refusing } from '../refusing';

export interface CanIDeployOptions {
  to?: string;
}

/** Where scratch worktrees, installs and verdicts are kept (gitignored). */
export const CACHE_DIR = '.deploy-safety';

/** `nx run <service>:can-i-deploy --to <environment>`: prints the matrix and fails unless every pair verifies. */
export default async function canIDeployExecutor({ to }: CanIDeployOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  return refusing(() => {
    const answer = canIDeploy({
      root: context.root,
      cacheDir: join(context.root, CACHE_DIR),
      install: npmCi,
      log: (line) => logger.info(line),
      services: servicesOf(context.projectsConfigurations.projects),
      service: context.projectName ?? '',
      environment: to,
    });
    logger.info(formatMatrix(answer));
    return answer.deployable;
  });
}

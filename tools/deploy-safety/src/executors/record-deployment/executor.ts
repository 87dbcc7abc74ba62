import { logger, type ExecutorContext } from '@nx/devkit';
import { recordDeployment } from '../../lib/deployments/record-deployment';
import { servicesOf } from '../../lib/workspace/services';
import { refusing } from '../refusing';

export interface RecordDeploymentOptions {
  environment?: string;
  commit?: string;
}

/** `nx run <service>:record-deployment --environment <name> [--commit <sha>]`. */
export default async function recordDeploymentExecutor(
  options: RecordDeploymentOptions,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  return refusing(() => {
    logger.info(
      recordDeployment({
        root: context.root,
        services: servicesOf(context.projectsConfigurations.projects),
        service: context.projectName ?? '',
        environment: options.environment,
        commit: options.commit,
        now: new Date(),
      }),
    );
    return true;
  });
}

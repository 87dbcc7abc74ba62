import { logger, type ExecutorContext } from '@nx/devkit';
import { checkBreakingChanges, formatVerdicts, passes } from '../../lib/breaking-changes/check-breaking-changes';
import { servicesOf } from '../../lib/workspace/services';
import { refusing } from '../refusing';

export interface BreakingChangesOptions {
  base: string;
}

/** `nx run deploy-safety:breaking-changes --base=<commit>`: the check CI runs next to `nx affected`, over the OpenAPI and AsyncAPI documents. */
export default async function breakingChanges({ base }: BreakingChangesOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  return refusing(async () => {
    const verdicts = await checkBreakingChanges(context.root, base, servicesOf(context.projectsConfigurations.projects));
    logger.info(formatVerdicts(base, verdicts));
    return passes(verdicts);
  });
}

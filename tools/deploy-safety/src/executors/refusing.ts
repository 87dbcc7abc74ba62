import { logger } from '@nx/devkit';
import { GitError } from '../lib/git/git';
import { RefusalError } from '../lib/refusal.error';

/**
 * Runs `work` as an executor: a refusal or a failed git command prints one line and fails the target without a
 * stack trace; anything else is a defect and propagates.
 */
export async function refusing(work: () => Promise<boolean> | boolean): Promise<{ success: boolean }> {
  try {
    return { success: await work() };
  } catch (error) {
    if (!(error instanceof RefusalError || error instanceof GitError)) throw error;
    logger.error(error.message);
    return { success: false };
  }
}

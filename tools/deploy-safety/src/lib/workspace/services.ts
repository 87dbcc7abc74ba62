import type { ProjectConfiguration } from '@nx/devkit';

/** The tag that makes a project a deployable service (the service generator writes it). */
export const SERVICE_TAG = 'type:app';
/** The target by which a provider verifies its consumers' pacts. */
export const VERIFY_TARGET = 'verify';

/** A deployable service of the workspace, as the Nx project graph describes it. */
export interface Service {
  name: string;
  /** Its folder, relative to the workspace root (`apps/order-service`). */
  root: string;
  /** Its committed OpenAPI document, relative to the workspace root. */
  openApiDocument: string;
  /**
   * Where it commits the AsyncAPI document of the events it publishes, relative to the workspace root: only a
   * service that publishes events has the file.
   */
  asyncApiDocument?: string;
}

/** Whether a project, as its configuration reads, is a service. */
export function isService(project: Pick<ProjectConfiguration, 'tags'>): boolean {
  return project.tags?.includes(SERVICE_TAG) ?? false;
}

/** Every service among `projects`, by name. */
export function servicesOf(projects: Record<string, ProjectConfiguration>): Service[] {
  return Object.entries(projects)
    .filter(([, project]) => isService(project))
    .map(([name, project]) => ({
      name,
      root: project.root,
      openApiDocument: `${project.root}/openapi.json`,
      asyncApiDocument: `${project.root}/asyncapi.json`,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

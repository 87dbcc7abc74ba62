import type { K8sObject } from './manifests';

interface Model {
  new (data: unknown): { validate(): void };
}

/**
 * Each object checked against the Kubernetes 1.30 OpenAPI schema of its kind (kubernetes-models 4.5); one line per
 * object that breaks it, naming the object and the field.
 */
export function schemaViolations(objects: K8sObject[]): string[] {
  return objects.flatMap((object) => {
    const id = `${object.kind}/${object.metadata?.name}`;
    const Model = modelOf(object);
    if (!Model) return [`${id}: no Kubernetes 1.30 schema for ${object.apiVersion} ${object.kind}`];
    try {
      new Model(object).validate();
      return [];
    } catch (error) {
      return [`${id}: ${(error as Error).message}`];
    }
  });
}

function modelOf(object: K8sObject): Model | undefined {
  // core objects live under kubernetes-models/v1, the others under kubernetes-models/<group>/<version>.
  const path = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  try {
    const module = require(path) as Record<string, Model>;
    return module[object.kind];
  } catch {
    return undefined;
  }
}

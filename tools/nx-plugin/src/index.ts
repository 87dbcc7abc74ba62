export { serviceGenerator } from './generators/service/generator';
export type { ServiceGeneratorSchema } from './generators/service/schema';
export { boundaryGenerator } from './generators/boundary/generator';
export type { BoundaryGeneratorSchema } from './generators/boundary/schema';

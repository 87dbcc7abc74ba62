/** Options of `nx g @boundary/nx-plugin:boundary --provider <app> --consumer <app> --resource <plural-noun>`. */
export interface BoundaryGeneratorSchema {
  /** The app serving `GET /<resource>/:id`: made by the service generator, `<name>-service`. */
  provider: string;
  /** The app calling it through the generated client: made by the service generator. */
  consumer: string;
  /** A kebab-case plural noun, e.g. `items` or `stock-levels`. */
  resource: string;
}

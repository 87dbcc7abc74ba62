/** Options of `nx g @boundary/nx-plugin:boundary --provider <app> --consumer <app> --resource <plural-noun>`. */
export interface BoundaryGeneratorSchema {
  /**
   * The NestJS app serving `GET /<resource>/:id`. Its libraries are `<name>-contract` and `<name>-client` for an app
   * `<name>-service`, else `<app>-contract` and `<app>-client`; a provider that has them already gains a consumer.
   */
  provider: string;
  /** The NestJS app calling it through the generated client: any app whose main.ts starts a root module. */
  consumer: string;
  /** A kebab-case plural noun, e.g. `items` or `stock-levels`. */
  resource: string;
}

import * as ts from 'typescript';
import type { Spellings } from './boundary-names';
import { withNamedImport } from './ast/imports';
import { appendMember, interfaceNamed } from './ast/interface-members';
import { appendProperty, withProperty } from './ast/object-literal';
import { compactText, findAll, initializerOf, parseSource, propertyOf, UnplaceableEditError, unwrap } from './ast/source-file';
import { loaderDeclaration, parseEnvCall, type ValidatedConfig } from './ast/validated-config';

/** What the consumer's configuration gains: the provider's variables, read into the client's options. */
export interface ClientConfig {
  p: Spellings;
  /** `@boundary/<provider>-client`. */
  clientImport: string;
  /** The property holding the client's options: `stockLevelClient`. */
  property: string;
  /** The provider's URL where it runs locally: the default of `<PROVIDER>_SERVICE_URL`. */
  defaultUrl: string;
}

/**
 * The consumer's config file with `<PROVIDER>_SERVICE_URL`, `_TIMEOUT_MS` and `_TOKEN` in its environment schema, the
 * client's options in its configuration interface and in what its loader returns.
 */
export function withClientConfig(content: string, config: ValidatedConfig, c: ClientConfig): string {
  const { path, loader, configType } = config;
  const P = c.p.constantName;
  let out = withNamedImport(path, content, `${c.p.className}ClientOptions`, c.clientImport, true);
  out = withNamedImport(path, out, 'serviceTokenSchema', '@boundary/service-kit');
  const schema = envSchemaObject(parseSource(path, out), loader);
  if (propertyOf(schema, `${P}_SERVICE_URL`) === undefined) {
    out = appendProperty(out, schema, envVariables(P, c.defaultUrl).join(',\n'));
  }
  const declaration = interfaceNamed(parseSource(path, out), configType);
  if (!declaration.members.some((member) => member.name?.getText() === c.property)) {
    out = appendMember(
      out,
      declaration,
      `/** How \`${c.p.className}ServiceClient\` reaches the ${c.p.title} Service, as \`${c.p.className}ClientModule\` takes it. */\n${c.property}: ${c.p.className}ClientOptions;`,
    );
  }
  const { returned, env } = loaderReturn(parseSource(path, out), path, loader);
  return withProperty(
    out,
    returned,
    c.property,
    `{\n  baseUrl: ${env}.${P}_SERVICE_URL,\n  timeoutMs: ${env}.${P}_SERVICE_TIMEOUT_MS,\n  ...(${env}.${P}_SERVICE_TOKEN === undefined ? {} : { token: ${env}.${P}_SERVICE_TOKEN }),\n}`,
  );
}

/** The three variables as zod schema entries, in the layout the service generator's config has; the token the kit's shape. */
function envVariables(P: string, url: string): string[] {
  return [
    `${P}_SERVICE_URL: z\n  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as ${url}' })\n  .default('${url}')`,
    `${P}_SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(2000)`,
    `${P}_SERVICE_TOKEN: serviceTokenSchema.optional()`,
  ];
}

/** The object literal of the `z.object({...})` the loader's `parseEnv` call validates against. */
function envSchemaObject(source: ts.SourceFile, loader: string): ts.ObjectLiteralExpression {
  const declaration = loaderDeclaration(source, loader);
  const call = declaration === undefined ? undefined : parseEnvCall(declaration);
  const schema = call?.arguments[0];
  const initializer = schema !== undefined && ts.isIdentifier(schema) ? initializerOf(source, schema.text) : schema;
  const object = initializer === undefined
    ? undefined
    : [initializer, ...findAll(initializer, ts.isCallExpression)]
        .filter(ts.isCallExpression)
        .find((node) => compactText(node.expression) === 'z.object' && node.arguments[0] !== undefined && ts.isObjectLiteralExpression(node.arguments[0]));
  if (object === undefined) throw new UnplaceableEditError(source.fileName, `z.object({ ... }) schema passed to parseEnv in ${loader}`);
  return object.arguments[0] as ts.ObjectLiteralExpression;
}

/** The object literal the loader returns and the name of the parsed environment it reads (`e`). */
function loaderReturn(source: ts.SourceFile, path: string, loader: string): { returned: ts.ObjectLiteralExpression; env: string } {
  const declaration = loaderDeclaration(source, loader);
  const call = declaration === undefined ? undefined : parseEnvCall(declaration);
  const variable = findAll(source, ts.isVariableDeclaration).find((d) => d.initializer !== undefined && unwrap(d.initializer) === call);
  const returned = declaration?.body?.statements
    .filter(ts.isReturnStatement)
    .map((statement) => (statement.expression === undefined ? undefined : unwrap(statement.expression)))
    .find((expression): expression is ts.ObjectLiteralExpression => expression !== undefined && ts.isObjectLiteralExpression(expression));
  if (returned === undefined || variable === undefined || !ts.isIdentifier(variable.name)) {
    throw new UnplaceableEditError(path, `\`const e = parseEnv(...)\` and \`return { ... }\` in ${loader}`);
  }
  return { returned, env: variable.name.text };
}

/**
 * The config spec with the client's default options in each `expect(loader({})).toEqual({...})` (the configuration an
 * unset environment gives), and a block checking the provider's variables.
 */
export function withClientConfigSpec(path: string, content: string, loader: string, c: ClientConfig): string {
  let out = content;
  const defaults = () =>
    findAll(parseSource(path, out), ts.isCallExpression).filter((call) => {
      const target = call.expression;
      if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'toEqual') return false;
      const argument = call.arguments[0];
      return argument !== undefined && ts.isObjectLiteralExpression(argument) && compactText(target.expression) === `expect(${loader}({}))` && propertyOf(argument, c.property) === undefined;
    });
  for (let pending = defaults(); pending.length > 0; pending = defaults()) {
    out = appendProperty(out, pending[0].arguments[0] as ts.ObjectLiteralExpression, `${c.property}: { baseUrl: '${c.defaultUrl}', timeoutMs: 2000 }`);
  }
  if (out.includes(`${loader}: the ${c.p.title} Service client`)) return out;
  return `${out.replace(/\n*$/, '\n')}\n${clientConfigSpec(loader, c)}`;
}

/** The spec block of the provider's variables. */
function clientConfigSpec(loader: string, { p, property, defaultUrl }: ClientConfig): string {
  const P = p.constantName;
  const url = defaultUrl.replace('localhost', `${p.name}.internal`);
  return `describe('${loader}: the ${p.title} Service client', () => {
  it('reads ${P}_SERVICE_URL, ${P}_SERVICE_TIMEOUT_MS and ${P}_SERVICE_TOKEN', () => {
    expect(
      ${loader}({
        ${P}_SERVICE_URL: '${url}',
        ${P}_SERVICE_TIMEOUT_MS: '500',
        ${P}_SERVICE_TOKEN: 'a-token-of-at-least-16',
      }).${property},
    ).toEqual({ baseUrl: '${url}', timeoutMs: 500, token: 'a-token-of-at-least-16' });
  });

  it.each([
    ['${P}_SERVICE_URL', { ${P}_SERVICE_URL: 'ftp://${p.name}' }, /${P}_SERVICE_URL: must be an http\\(s\\) URL/],
    ['${P}_SERVICE_TIMEOUT_MS', { ${P}_SERVICE_TIMEOUT_MS: '0' }, /${P}_SERVICE_TIMEOUT_MS/],
    ['${P}_SERVICE_TOKEN', { ${P}_SERVICE_TOKEN: 'short' }, /${P}_SERVICE_TOKEN: must be at least 16 characters/],
  ])('rejects a bad %s, naming it', (_name, env, message) => {
    expect(() => ${loader}(env)).toThrow(message);
  });
});
`;
}

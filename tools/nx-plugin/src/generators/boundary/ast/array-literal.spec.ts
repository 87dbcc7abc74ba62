import * as ts from 'typescript';
import { appendToArrayLiteral } from './array-literal';
import { withModuleEntry } from './nest-module';
import { findAll, parseSource } from './source-file';

/** `source` with `entry` appended to the array literal of `property`, as the generator edits it. */
function append(source: string, property: string, entry: string): string {
  const assignment = findAll(parseSource('f.ts', source), ts.isPropertyAssignment).find((node) => node.name.getText() === property);
  return appendToArrayLiteral(source, assignment?.initializer as ts.ArrayLiteralExpression, entry);
}

describe('appendToArrayLiteral', () => {
  it('fills an empty one-line array', () => {
    expect(append('x({\n  controllers: [],\n});\n', 'controllers', 'A')).toBe('x({\n  controllers: [A],\n});\n');
  });

  it('appends to a one-line array after its items', () => {
    expect(append('x({\n  controllers: [A, B],\n});\n', 'controllers', 'C')).toBe('x({\n  controllers: [A, B, C],\n});\n');
  });

  it('breaks a one-line array that would pass 120 characters into one item a line', () => {
    const long = `{ provide: ${'X'.repeat(50)}, useClass: Y }`;
    expect(append(`x({\n  providers: [${long}],\n});\n`, 'providers', long)).toBe(`x({\n  providers: [\n    ${long},\n    ${long},\n  ],\n});\n`);
  });

  it('leaves on its line an array whose line was past 120 characters already (a file on one line)', () => {
    const source = `@Module({ controllers: [], providers: [{ provide: ${'X'.repeat(60)}, useClass: Y }] }) export class M {}`;
    expect(append(source, 'controllers', 'A')).toContain('@Module({ controllers: [A], providers:');
  });

  it('appends to a multi-line array with its items’ indentation, keeping nested brackets intact', () => {
    const source = "x({\n    rules: [\n      { tags: ['a', 'b'] },\n    ],\n});\n";
    expect(append(source, 'rules', "{ tags: ['c'] }")).toBe("x({\n    rules: [\n      { tags: ['a', 'b'] },\n      { tags: ['c'] },\n    ],\n});\n");
  });

  it('appends to a multi-line array without a trailing comma', () => {
    expect(append('x({\n  rules: [\n    A\n  ],\n});\n', 'rules', 'B')).toBe('x({\n  rules: [\n    A,\n    B,\n  ],\n});\n');
  });
});

describe('withModuleEntry', () => {
  const module = "@Module({ imports: [] })\nexport class AppModule {}\n";

  it('adds a list the module does not have', () => {
    expect(withModuleEntry('m.ts', module, { className: 'AppModule' }, 'controllers', 'A')).toContain('@Module({ imports: [], controllers: [A] })');
  });

  it('leaves a list that holds the entry already as it is', () => {
    const once = withModuleEntry('m.ts', module, { className: 'AppModule' }, 'imports', 'A');
    expect(withModuleEntry('m.ts', once, { className: 'AppModule' }, 'imports', 'A')).toBe(once);
  });

  it('refuses, naming the file and what it looked for, when the module has no metadata it can edit', () => {
    expect(() => withModuleEntry('apps/x/src/x.module.ts', 'export class XModule {}\n', { className: 'XModule' }, 'imports', 'A')).toThrow(
      'apps/x/src/x.module.ts: found no @Module({ ... }) on XModule, so the boundary cannot be wired there',
    );
    expect(() => withModuleEntry('apps/x/src/x.module.ts', module, { className: 'XModule' }, 'imports', 'A')).toThrow(
      'apps/x/src/x.module.ts: found no class XModule',
    );
  });

  it('edits the DynamicModule a static forRoot returns', () => {
    const dynamic = '@Module({})\nexport class XModule {\n  static forRoot(): DynamicModule {\n    return {\n      module: XModule,\n      imports: [A],\n    };\n  }\n}\n';
    expect(withModuleEntry('x.ts', dynamic, { className: 'XModule', method: 'forRoot' }, 'imports', 'B')).toContain('imports: [A, B],');
  });
});

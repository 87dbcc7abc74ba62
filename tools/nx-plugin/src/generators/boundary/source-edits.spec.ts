import { appendToArray, insertAfter, UneditableFileError } from './source-edits';

describe('appendToArray', () => {
  it('fills an empty one-line array', () => {
    expect(appendToArray('  controllers: [],\n', 'controllers', 'A', 'f.ts')).toBe('  controllers: [A],\n');
  });

  it('appends to a one-line array after its items', () => {
    expect(appendToArray('  controllers: [A, B],\n', 'controllers', 'C', 'f.ts')).toBe('  controllers: [A, B, C],\n');
  });

  it('breaks a one-line array that would pass 120 characters into one item a line', () => {
    const long = `{ provide: ${'X'.repeat(50)}, useClass: Y }`;
    expect(appendToArray(`  providers: [${long}],\n`, 'providers', long, 'f.ts')).toBe(
      `  providers: [\n    ${long},\n    ${long},\n  ],\n`,
    );
  });

  it('appends to a multi-line array with its items’ indentation, keeping nested brackets intact', () => {
    const source = "    rules: [\n      { tags: ['a', 'b'] },\n    ],\n";
    expect(appendToArray(source, 'rules', "{ tags: ['c'] }", 'f.ts')).toBe(
      "    rules: [\n      { tags: ['a', 'b'] },\n      { tags: ['c'] },\n    ],\n",
    );
  });

  it('refuses, naming the file, when the property is missing', () => {
    expect(() => appendToArray('imports: []', 'controllers', 'A', 'apps/x/src/x.module.ts')).toThrow(
      new UneditableFileError('apps/x/src/x.module.ts', 'controllers: ['),
    );
  });
});

describe('insertAfter', () => {
  it('refuses an anchor found twice: the edit would be a guess', () => {
    expect(() => insertAfter('a;\na;\n', 'a;', 'b', 'f.ts')).toThrow(UneditableFileError);
  });
});

import { withNamedImport } from './imports';

describe('withNamedImport', () => {
  it('joins an import of the same module, in alphabetical place', () => {
    const source = "import {\n  LivenessModule,\n  type ServiceLogger,\n} from '@boundary/service-kit';\n";
    expect(withNamedImport('f.ts', source, 'currentRequestId', '@boundary/service-kit')).toBe(
      "import {\n  currentRequestId,\n  LivenessModule,\n  type ServiceLogger,\n} from '@boundary/service-kit';\n",
    );
  });

  it('adds a value import beside a type-only import of the module rather than into it', () => {
    const source = "import type { Config } from './config';\n\nexport const x = 1;\n";
    expect(withNamedImport('f.ts', source, 'loadConfig', './config')).toBe(
      "import type { Config } from './config';\nimport { loadConfig } from './config';\n\nexport const x = 1;\n",
    );
  });

  it('leaves a file that imports the name already as it is', () => {
    const source = "import { A } from 'a';\n";
    expect(withNamedImport('f.ts', source, 'A', 'a')).toBe(source);
  });
});

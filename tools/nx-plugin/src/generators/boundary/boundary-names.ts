import { names } from '@nx/devkit';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Every spelling of one name the templates need: `stock-level` → `StockLevel`, `STOCK_LEVEL`, `stockLevel`, `stock level`. */
export interface Spellings {
  name: string;
  className: string;
  constantName: string;
  propertyName: string;
  /** Lower-case words, for prose: `stock level`. */
  words: string;
  /** Capitalised words, for titles: `Stock Level`. */
  title: string;
}

export function spellings(name: string): Spellings {
  const { className, constantName, propertyName } = names(name);
  const words = name.split('-').join(' ');
  const title = name.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');
  return { name, className, constantName, propertyName, words, title };
}

/**
 * The singular of a kebab-case plural noun, by its last word (`stock-levels` → `stock-level`, `categories` →
 * `category`, `boxes` → `box`), or `undefined` when it is not kebab-case or does not read as a regular plural.
 */
export function singularOf(plural: string): string | undefined {
  if (!KEBAB.test(plural)) return undefined;
  const cut = (suffix: string, replacement: string) => `${plural.slice(0, -suffix.length)}${replacement}`;
  const lastWord = plural.split('-').pop() ?? '';
  if (lastWord.length < 3 || lastWord.endsWith('ss') || lastWord.endsWith('us') || lastWord.endsWith('is')) return undefined;
  if (/[^aeiou]ies$/.test(lastWord)) return cut('ies', 'y');
  if (/(s|x|z|ch|sh)es$/.test(lastWord)) return cut('es', '');
  if (lastWord.endsWith('s')) return cut('s', '');
  return undefined;
}

/** `inventory-service` → `inventory`, or `undefined` for a name the service generator would not have made. */
export function serviceBaseName(app: string): string | undefined {
  return KEBAB.test(app) && app.endsWith('-service') && app.length > '-service'.length ? app.slice(0, -'-service'.length) : undefined;
}

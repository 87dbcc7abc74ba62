import { spellings, type Spellings } from '../boundary/boundary-names';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/**
 * Every name one event is known by, derived from its kebab-case name `<subject>-<verb>` (`invoice-issued`): the last
 * word is what happened, the words before it what it happened to.
 */
export interface EventNames {
  /** `invoice-issued`: file names (`invoice-issued.event.ts`) and spellings (`InvoiceIssued`, `INVOICE_ISSUED`). */
  e: Spellings;
  /** `invoice`, `stock-level`: what the event is about. */
  subject: Spellings;
  /** `issued`. */
  verb: string;
  /** The pattern `@EventPattern` and `ClientProxy.emit` use: `invoices.issued`, `stock-levels.changed`. */
  pattern: string;
  /** The payload's identifying field: `invoice_id`, `stock_level_id`. */
  idField: string;
  /** The contract's fixture builder: `anInvoiceIssuedEvent`, `aStockLevelChangedEvent`. */
  fixture: string;
  /** The article of the subject (and of the pattern, which starts alike) in prose: `an` invoice, `a` stock level. */
  article: 'a' | 'an';
}

/** The event's names, or `undefined` when `event` is not kebab-case of two words or more (`invoice-issued`). */
export function eventNames(event: string): EventNames | undefined {
  if (!KEBAB.test(event)) return undefined;
  const words = event.split('-');
  const verb = words.pop() as string;
  const subject = words.join('-');
  const article = /^[aeiou]/.test(event) ? 'an' : 'a';
  return {
    e: spellings(event),
    subject: spellings(subject),
    verb,
    pattern: `${pluralOf(subject)}.${verb}`,
    idField: `${subject.replaceAll('-', '_')}_id`,
    fixture: `${article}${spellings(event).className}Event`,
    article,
  };
}

/** The queue a consumer takes an event from, named after both (`shop.invoices-issued`), as `orders.placed`'s is. */
export function queueName(consumer: string, names: EventNames): string {
  return `${consumer}.${names.pattern.replace('.', '-')}`;
}

/** The plural of a kebab-case noun, by its last word: `invoice` → `invoices`, `category` → `categories`, `box` → `boxes`. */
export function pluralOf(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** The events contract library of a publisher whose base name is `publisher` (`billing` → `billing-events-contract`). */
export function eventsContractName(publisher: string): string {
  return `${publisher}-events-contract`;
}

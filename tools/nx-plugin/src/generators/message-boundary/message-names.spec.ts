import { eventNames, eventsContractName, pluralOf, queueName, type EventNames } from './message-names';

describe('message boundary names', () => {
  it('reads <subject>-<verb>: the pattern is the plural subject, a dot, the verb', () => {
    expect(eventNames('invoice-issued')).toMatchObject({
      e: { className: 'InvoiceIssued', constantName: 'INVOICE_ISSUED', propertyName: 'invoiceIssued' },
      subject: { name: 'invoice', className: 'Invoice' },
      verb: 'issued',
      pattern: 'invoices.issued',
      idField: 'invoice_id',
      fixture: 'anInvoiceIssuedEvent',
      article: 'an',
    });
  });

  it('keeps a subject of several words together', () => {
    expect(eventNames('stock-level-changed')).toMatchObject({
      pattern: 'stock-levels.changed',
      idField: 'stock_level_id',
      verb: 'changed',
      fixture: 'aStockLevelChangedEvent',
      article: 'a',
    });
  });

  it.each(['issued', 'Invoice-issued', 'invoice_issued', 'invoice--issued', 'invoice-issued-', '1nvoice-issued', ''])('refuses %p', (name) => {
    expect(eventNames(name)).toBeUndefined();
  });

  it.each([
    ['invoice', 'invoices'],
    ['category', 'categories'],
    ['day', 'days'],
    ['box', 'boxes'],
    ['batch', 'batches'],
    ['stock-level', 'stock-levels'],
  ])('writes the plural of %s as %s', (noun, plural) => {
    expect(pluralOf(noun)).toBe(plural);
  });

  it('names the queue after its consumer and the pattern, and the contract library after its publisher', () => {
    expect(queueName('shop', eventNames('invoice-issued') as EventNames)).toBe('shop.invoices-issued');
    expect(eventsContractName('billing')).toBe('billing-events-contract');
  });
});

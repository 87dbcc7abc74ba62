import { firstValueFrom, type Observable, of, timeout } from 'rxjs';
import { recordingTracing, type RecordingTracing } from './recording-tracing';
import { ScriptedStub, type Script, type ScriptedStubOptions } from './scripted-stub';
import { UnscriptedCallError } from './unscripted-call.error';

interface Item {
  id: string;
}

/** A client of some catalogue, as a team would stub it: two methods, keyed by their first argument. */
class CatalogueClientStub extends ScriptedStub {
  constructor(options?: ScriptedStubOptions) {
    super({ stub: 'CatalogueClientStub', keys: 'ids', howToScript: 'stub.forItem(id).returns(...)' }, options);
  }

  forItem(id: string): Script<Item, this> {
    return this.script<Item, this>('getItem', id, this, (item) => {
      if (item.id === '') throw new Error('an item needs an id');
      return item;
    });
  }

  forShelf(shelf: string): Script<Item[], this> {
    return this.script<Item[], this>('listShelf', shelf, this);
  }

  getItem(id: string): Observable<Item> {
    return this.play('getItem', id);
  }

  listShelf(shelf: string, page = 1): Observable<Item[]> {
    return this.play('listShelf', shelf, [shelf, page]);
  }

  get itemCalls(): string[] {
    return this.keysOf('getItem');
  }
}

describe('ScriptedStub (a strict scripted stub for any Observable client)', () => {
  let stub: CatalogueClientStub;
  beforeEach(() => (stub = new CatalogueClientStub()));

  it('answers each method per key, once per subscription, with a copy', async () => {
    stub.forItem('i1').returns({ id: 'i1' }).forShelf('s1').returns([{ id: 'i2' }]);
    const first = await firstValueFrom(stub.getItem('i1'));
    first.id = 'changed';
    await expect(firstValueFrom(stub.getItem('i1'))).resolves.toEqual({ id: 'i1' });
    await expect(firstValueFrom(stub.listShelf('s1', 2))).resolves.toEqual([{ id: 'i2' }]);
  });

  it('records every call with its method, key and arguments', async () => {
    stub.forShelf('s1').returns([]);
    await firstValueFrom(stub.listShelf('s1', 2));
    await firstValueFrom(stub.getItem('i9')).catch(() => undefined);
    expect(stub.history).toEqual([
      { method: 'listShelf', key: 's1', args: ['s1', 2] },
      { method: 'getItem', key: 'i9', args: ['i9'] },
    ]);
    expect(stub.itemCalls).toEqual(['i9']);
  });

  it('runs the check at setup', () => {
    expect(() => stub.forItem('x').returns({ id: '' })).toThrow('an item needs an id');
  });

  it('keeps scripts per method: a key scripted for one method is unscripted for another', async () => {
    stub.forShelf('i1').returns([]);
    await expect(firstValueFrom(stub.getItem('i1'))).rejects.toThrow(
      'CatalogueClientStub: getItem("i1") was not scripted; scripted ids: (none). Script it with stub.forItem(id).returns(...)',
    );
  });

  it('strict: an unscripted call fails naming it and the scripted keys, and verify() reports it', async () => {
    stub.forItem('i1').returns({ id: 'i1' }).forItem('i2').neverAnswers();
    const error = await firstValueFrom(stub.getItem('i3')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnscriptedCallError);
    expect(error).toMatchObject({ call: { method: 'getItem', key: 'i3' } });
    expect((error as Error).message).toBe(
      'CatalogueClientStub: getItem("i3") was not scripted; scripted ids: "i1", "i2". Script it with stub.forItem(id).returns(...)',
    );
    expect(() => stub.verify()).toThrow('CatalogueClientStub: unscripted calls for "i3" (getItem)');
  });

  it('not strict: an unscripted call gets the fallback, given the call', async () => {
    const lenient = new CatalogueClientStub({ strict: false, fallback: (call) => of({ id: call.key }) });
    await expect(firstValueFrom(lenient.getItem('i7'))).resolves.toEqual({ id: 'i7' });
    expect(() => lenient.verify()).not.toThrow();
  });

  it('failsWith, delays and neverAnswers', async () => {
    const error = new Error('down');
    stub.forItem('i1').failsWith(error).forItem('i2').delays(20).returns({ id: 'i2' }).forItem('i3').neverAnswers();
    await expect(firstValueFrom(stub.getItem('i1'))).rejects.toBe(error);
    const started = performance.now();
    await expect(firstValueFrom(stub.getItem('i2'))).resolves.toEqual({ id: 'i2' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    await expect(firstValueFrom(stub.getItem('i3').pipe(timeout(20)))).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('reset() forgets scripts, history and unscripted calls', async () => {
    stub.forItem('i1').returns({ id: 'i1' });
    await firstValueFrom(stub.getItem('i2')).catch(() => undefined);
    stub.reset();
    expect(stub.history).toEqual([]);
    expect(() => stub.verify()).not.toThrow();
    await expect(firstValueFrom(stub.getItem('i1'))).rejects.toThrow(UnscriptedCallError);
  });
});


describe('ScriptedStub under OpenTelemetry', () => {
  let tracing: RecordingTracing;
  let stub: CatalogueClientStub;
  beforeAll(() => (tracing = recordingTracing()));
  afterAll(() => tracing.stop());
  beforeEach(() => (stub = new CatalogueClientStub({ strict: false })));

  it('records the trace context active when each method is called, the caller’s span as parent, scripted or not', async () => {
    stub.forItem('i1').returns({ id: 'i1' });
    const caller = await tracing.inSpan('handle request', async () => {
      await firstValueFrom(stub.getItem('i1'));
      await firstValueFrom(stub.listShelf('s1'));
    });
    const context = { valid: true, traceId: caller.traceId, parentSpanId: caller.spanId, sampled: true };
    expect(stub.history.map((call) => call.traceContext)).toEqual([context, context]);
  });

  it('records none for a call outside any span, and reads the context at call time, not at subscription', async () => {
    stub.forItem('i1').returns({ id: 'i1' });
    await firstValueFrom(stub.getItem('i1'));
    let later!: Observable<Item>;
    const caller = await tracing.inSpan('handle request', () => void (later = stub.getItem('i1')));
    await firstValueFrom(later);
    expect(stub.history.map((call) => call.traceContext)).toEqual([undefined, expect.objectContaining({ parentSpanId: caller.spanId })]);
  });
});

describe('ScriptedStub without @opentelemetry/api installed', () => {
  it('records no trace context and still answers', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('@opentelemetry/api', () => {
        throw Object.assign(new Error("Cannot find module '@opentelemetry/api'"), { code: 'MODULE_NOT_FOUND' });
      });
      const { ScriptedStub: IsolatedStub } = require('./scripted-stub') as typeof import('./scripted-stub');
      class Stub extends IsolatedStub {
        constructor() {
          super({ stub: 'Stub', keys: 'ids', howToScript: '' }, { strict: false, fallback: () => of('fallback') });
        }
        get(id: string) {
          return this.play<string>('get', id);
        }
      }
      const stub = new Stub();
      await expect(firstValueFrom(stub.get('i1'))).resolves.toBe('fallback');
      expect(stub.history).toEqual([{ method: 'get', key: 'i1', args: ['i1'], traceContext: undefined }]);
    });
  });
});

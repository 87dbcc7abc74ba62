import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { lastValueFrom, of, throwError } from 'rxjs';
import { InvalidMessageError } from './invalid-message.error';
import { RmqAckInterceptor } from './rmq-ack.interceptor';

/** The RPC context of one delivery (`x-delivery-count` as a quorum queue sets it), and its channel's settlements. */
function delivery(deliveryCount?: number) {
  const message = { properties: { headers: deliveryCount === undefined ? {} : { 'x-delivery-count': deliveryCount } } };
  const channel = { ack: jest.fn(), nack: jest.fn() };
  const rmq = { getChannelRef: () => channel, getMessage: () => message, getPattern: () => 'orders.placed' };
  const context = { switchToRpc: () => ({ getContext: () => rmq }) } as unknown as ExecutionContext;
  return { context, channel, message };
}
const handled = (outcome: CallHandler['handle']): CallHandler => ({ handle: outcome });

describe('RmqAckInterceptor', () => {
  const interceptor = new RmqAckInterceptor();
  afterEach(() => jest.restoreAllMocks());

  it('acks a message once its handler succeeded', async () => {
    const { context, channel, message } = delivery();
    await lastValueFrom(interceptor.intercept(context, handled(() => of('done'))));
    expect(channel.ack).toHaveBeenCalledWith(message);
    expect(channel.nack).not.toHaveBeenCalled();
  });

  it('dead-letters a payload off its contract at once (nack, no requeue), with one warning naming the field', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { context, channel, message } = delivery();
    const failure = new InvalidMessageError('orders.placed', ['quantity: Too small: expected number to be >0']);
    await expect(lastValueFrom(interceptor.intercept(context, handled(() => throwError(() => failure))), { defaultValue: 'nothing' })).resolves.toBe('nothing');
    expect(channel.nack).toHaveBeenCalledWith(message, false, false);
    expect(channel.ack).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('Invalid orders.placed message: quantity: Too small: expected number to be >0: dead-lettered');
  });

  it('requeues a message whose handler failed otherwise, logging which delivery it was, and lets the queue flow on', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { context, channel, message } = delivery(2);
    await expect(
      lastValueFrom(interceptor.intercept(context, handled(() => throwError(() => new Error('inventory unavailable')))), { defaultValue: 'nothing' }),
    ).resolves.toBe('nothing');
    expect(channel.nack).toHaveBeenCalledWith(message, false, true);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^orders\.placed handler failed on delivery 3: inventory unavailable; requeued/));
  });
});

import { z } from 'zod';
import { parseEnv } from '../parse-env';
import { checkRabbitmqEnv, DEFAULT_RABBITMQ_URL, RABBITMQ_ENV, rabbitmqUrl } from './rabbitmq.config';

const schema = z.object({ NODE_ENV: z.string().optional(), ...RABBITMQ_ENV }).superRefine(checkRabbitmqEnv);
const brokerOf = (env: Record<string, string>) => rabbitmqUrl(parseEnv(schema, env, 'Test Service'));

describe('RABBITMQ_ENV', () => {
  it('reads an amqp or amqps URL', () => {
    expect(brokerOf({ RABBITMQ_URL: 'amqps://shop:secret@broker.internal:5671/shop' })).toBe('amqps://shop:secret@broker.internal:5671/shop');
  });

  it.each<Record<string, string>>([{}, { RABBITMQ_URL: '' }])('is the development broker when unset outside production (%j)', (env) => {
    expect(brokerOf(env)).toBe(DEFAULT_RABBITMQ_URL);
  });

  it('is required in production, naming the variable', () => {
    expect(() => brokerOf({ NODE_ENV: 'production' })).toThrow(/RABBITMQ_URL: is required when NODE_ENV=production/);
    expect(brokerOf({ NODE_ENV: 'production', RABBITMQ_URL: 'amqp://shop:secret@broker:5672' })).toBe('amqp://shop:secret@broker:5672');
  });

  it('refuses another scheme, naming the variable and never its value', () => {
    expect(() => brokerOf({ RABBITMQ_URL: 'http://shop:secret@broker:5672' })).toThrow(/RABBITMQ_URL: must be an amqp\(s\) URL/);
    expect(() => brokerOf({ RABBITMQ_URL: 'http://shop:secret@broker:5672' })).not.toThrow(/secret/);
  });
});

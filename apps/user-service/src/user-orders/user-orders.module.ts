import { OrderClientModule } from '@boundary/order-client';
import { currentRequestId } from '@boundary/service-kit';
import { Module } from '@nestjs/common';
import { USER_SERVICE_CONFIG } from '../config/user-service-config.token';
import type { UserServiceConfig } from '../config/user-service.config';
import { UserOrdersController } from './user-orders.controller';

@Module({
  imports: [
    OrderClientModule.forRootAsync({
      inject: [USER_SERVICE_CONFIG],
      useFactory: ({
        orderServiceUrl,
        orderServiceTimeoutMs,
        orderServicePolicy: policy,
        orderServiceToken,
        orderServiceTransport,
        orderServiceKeepAlive,
      }: UserServiceConfig) => ({
        baseUrl: orderServiceUrl,
        timeoutMs: orderServiceTimeoutMs,
        attemptTimeoutMs: policy.attemptTimeoutMs,
        retry: { maxRetries: policy.retries, initialDelayMs: policy.retryDelayMs, maxDelayMs: policy.retryMaxDelayMs },
        circuitBreaker: { consecutiveFailures: policy.breakerFailures, halfOpenAfterMs: policy.breakerHalfOpenMs },
        maxResponseBytes: policy.maxResponseBytes,
        token: orderServiceToken,
        requestId: currentRequestId,
        transport: orderServiceTransport,
        keepAlive: orderServiceKeepAlive,
      }),
    }),
  ],
  controllers: [UserOrdersController],
})
export class UserOrdersModule {}

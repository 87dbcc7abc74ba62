import { Module } from '@nestjs/common';
import { InMemoryFulfilmentRepository } from './in-memory-fulfilment.repository';
import { FulfilmentRepository } from './fulfilment.repository';

/** The Fulfilment Service's API: its controllers, on `FulfilmentRepository`. */
@Module({
  controllers: [],
  providers: [{ provide: FulfilmentRepository, useClass: InMemoryFulfilmentRepository }],
})
export class FulfilmentModule {}

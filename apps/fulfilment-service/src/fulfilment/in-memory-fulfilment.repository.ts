import { Injectable } from '@nestjs/common';
import { FulfilmentRepository } from './fulfilment.repository';

/** `FulfilmentRepository` in the process's memory: lost on restart, one instance only. */
@Injectable()
export class InMemoryFulfilmentRepository extends FulfilmentRepository {}

import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Lets a request carry an empty body of any media type, or none: the lifecycle's `PUT`s take no body, and some
 * clients (Pact's verifier among them) send theirs as an empty chunked body without a `Content-Type`, which Fastify
 * would answer `415`. A non-empty body of a type the service does not parse is still answered `415
 * UNSUPPORTED_MEDIA_TYPE` (JSON and text keep their own parsers).
 */
export function acceptEmptyBodiesOfAnyType(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('*', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
      if (body.length === 0) return done(null, undefined);
      const type = request.headers['content-type'] ?? 'none';
      done(new UnsupportedMediaTypeException({ error: `Unsupported Media Type: ${type}`, code: 'UNSUPPORTED_MEDIA_TYPE' }), undefined);
    });
}

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { withDeadlineHeader } from './deadline/deadline.open-api';

/**
 * Publishes the app's OpenAPI document at `/docs` (Swagger UI) and `/docs-json`. Route shapes come from the
 * `@ApiResponse` decorators, whose schemas are derived from the zod contracts (`toOpenApiSchema`); every route also
 * documents `x-deadline-ms` and its two answers (`withDeadlineHeader`), which the services' adapter gives on any route.
 */
export function setupOpenApi(app: INestApplication, info: { title: string; description: string; version: string }): void {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version)
    .build();
  SwaggerModule.setup('docs', app, () => withDeadlineHeader(SwaggerModule.createDocument(app, config)), { jsonDocumentUrl: 'docs-json' });
}

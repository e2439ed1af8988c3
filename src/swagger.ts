import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FieldProblemDto, ProblemDetailsDto } from './common/errors/problem-details.dto';
import { refineDocument } from './common/openapi/refine-document';
import { routeInputs } from './common/openapi/route-inputs';

/**
 * The OpenAPI document of the application: what @nestjs/swagger generates from the routes and
 * DTOs, refined so that request schemas state what the validators accept. The same function
 * serves /docs-json and writes the committed openapi.json (`npm run openapi`).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Football Coaching API')
    .setDescription(
      'Assessments, VO2max, drills and safe training programmes for football academies, coaches, parents and players. ' +
        'Every error is `application/problem+json` (RFC 9457). Unknown body fields and query parameters are refused (400).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const routes = new Map<string, string>();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetailsDto, FieldProblemDto],
    // @nestjs/swagger's own ids, remembered with the route each names.
    operationIdFactory: (controller, method, version) => {
      const id = version ? `${controller}_${method}_${version}` : `${controller}_${method}`;
      routes.set(id, `${controller}.${method}`);
      return id;
    },
  });
  const inputs = routeInputs(app);
  try {
    return refineDocument(document, (operationId) => inputs.get(routes.get(operationId) ?? ''));
  } catch (error) {
    throw new Error(
      `The OpenAPI document does not match the validators: ${(error as Error).message}. ` +
        'It needs the @nestjs/swagger compiler plugin (nest build, nest start, the e2e jest project); ' +
        'code run without it (ts-node) must set SWAGGER_ENABLED=false.',
    );
  }
}

/** Swagger UI at /docs, the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
}

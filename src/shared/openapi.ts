// GET /openapi.json: built from the same zod schemas and route declarations that validate requests.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { z } from 'zod';
import { ErrorResponse } from './http/error-handler.js';
import type { ResponseSpec, RouteSpec } from './http/route.js';
import { isMultipart } from './http/upload.js';

export interface ApiDescription {
  basePath: string;
  routes: readonly RouteSpec[];
}

/** `/suppliers/:id` → `/suppliers/{id}` */
const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

// Error answers every authenticated operation can give, on top of the ones a route declares itself.
const COMMON_ERRORS: Record<number, string> = {
  400: 'invalid input (VALIDATION_FAILED, MALFORMED_JSON, INVALID_REFERENCE); `issues` names the offending fields',
  401: 'no token, or an unknown or revoked one (UNAUTHENTICATED, INVALID_TOKEN)',
  403: 'the token\'s role may not call this operation (FORBIDDEN)',
  429: 'too many failed authentications from this address or with this token (RATE_LIMITED); see Retry-After',
};

type StatusKey = `${1 | 2 | 3 | 4 | 5}${string}`;

// Text (text/csv) is a string; anything else (application/pdf) is bytes.
const nonJsonSchema = (contentType: string) => (contentType.startsWith('text/') ? { type: 'string' as const } : { type: 'string' as const, format: 'binary' });

function responseContent(status: number, response: ResponseSpec) {
  if (response.schema) {
    const alternatives = (response.alternativeContentTypes ?? []).map((type) => [type, { schema: nonJsonSchema(type) }] as const);
    return { content: { 'application/json': { schema: response.schema }, ...Object.fromEntries(alternatives) } };
  }
  if (response.contentType) return { content: { [response.contentType]: { schema: nonJsonSchema(response.contentType) } } };
  // Error answers without a schema of their own have the one error shape.
  if (status >= 400) return { content: { 'application/json': { schema: ErrorResponse } } };
  return {};
}

function requestBody(body: NonNullable<RouteSpec['body']>) {
  if (isMultipart(body)) {
    // z.file() is documented as `type: string, format: binary`, which Swagger UI renders as a file picker.
    const form = z.strictObject({ [body.field]: z.file().describe(body.description) });
    return { required: true, content: { 'multipart/form-data': { schema: form } } };
  }
  return { required: true, content: { 'application/json': { schema: body } } };
}

function operation(spec: RouteSpec): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[status as StatusKey] = { description: response.description, ...responseContent(Number(status), response) };
  }
  const errorStatuses = spec.roles === 'public' ? [] : Object.keys(COMMON_ERRORS).map(Number);
  for (const status of errorStatuses) {
    if (!(status in spec.responses) && !(status === 400 && !spec.body && !spec.query && !spec.params)) {
      responses[String(status) as StatusKey] = { description: COMMON_ERRORS[status] ?? '', content: { 'application/json': { schema: ErrorResponse } } };
    }
  }
  const roles = spec.roles === 'public' ? 'no token needed' : `roles: ${spec.roles.join(', ')}`;
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: [spec.description, `Access: ${roles}.`].filter(Boolean).join('\n\n'),
    tags: [spec.tag],
    ...(spec.roles === 'public' ? { security: [] } : {}),
    ...(spec.params || spec.query ? { requestParams: { ...(spec.params ? { path: spec.params } : {}), ...(spec.query ? { query: spec.query } : {}) } } : {}),
    ...(spec.body ? { requestBody: requestBody(spec.body) } : {}),
    responses,
  };
}

export function buildOpenApiDocument(apis: readonly ApiDescription[], version: string): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const api of apis) {
    for (const spec of api.routes) {
      const path = toOpenApiPath(`${api.basePath}${spec.path}`);
      paths[path] = { ...paths[path], [spec.method]: operation(spec) };
    }
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'chemreg API',
      version,
      description:
        'Chemical-content registry for procured goods. Authenticate with `Authorization: Bearer <token>`; ' +
        'the first start prints (or takes from CHEMREG_ADMIN_TOKEN) an admin token. Errors share one shape: ' +
        '`{ statusCode, code, error, message, issues? }`.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'chemreg API token' } } },
    security: [{ bearer: [] }],
    paths,
  });
}

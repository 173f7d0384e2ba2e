// Request validation: the route's zod schemas parse params, query and body; the parsed values go to
// res.locals.input (Express 5 makes req.query a getter, so parsed input cannot be written back to req).
import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import { ClientError, validationFailed, type ErrorIssue } from '../errors.js';
import { isMultipart, type MultipartBody, type UploadedFile } from './upload.js';

export interface InputSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType | MultipartBody;
}

export interface ParsedInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

/** zod issues → wire issues, one per offending field, each path prefixed with where it was (body/query/params). */
export function toIssues(where: string, error: z.ZodError): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const issue of error.issues) {
    const base = [where, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      // One issue per unknown field, so the caller sees exactly which names to remove.
      for (const key of issue.keys) issues.push({ path: [...base, key].join('.'), message: 'unknown field' });
    } else {
      issues.push({ path: base.join('.'), message: issue.message });
    }
  }
  return issues;
}

/** The one file of a multipart upload (read by shared/http/upload.ts); any other form field is unknown. */
function uploadedFile(req: Request, body: MultipartBody, issues: ErrorIssue[]): UploadedFile | undefined {
  const fields = Object.keys((req.body ?? {}) as Record<string, unknown>);
  const file = req.file;
  // A text value in the file's own field is reported once, below, as the missing file it should have been.
  for (const name of fields) if (file || name !== body.field) issues.push({ path: `body.${name}`, message: 'unknown field' });
  if (!file) {
    // multer drops a file part whose name is empty once busboy has cut it to its last path segment ("..", "dir/"):
    // to the caller that is a file sent, so the message says what was missing.
    const message = fields.includes(body.field)
      ? 'must be a file (a form part with a filename), not a text value'
      : `required: the file, as form field "${body.field}" with a file name (a name that is empty, "." or "..", or ends in "/", is not one)`;
    issues.push({ path: `body.${body.field}`, message });
    return undefined;
  }
  return { bytes: file.buffer, originalName: file.originalname, size: file.size, declaredType: file.mimetype };
}

export function validate(schemas: InputSchemas): RequestHandler {
  return (req, res, next) => {
    const multipartBody = isMultipart(schemas.body) ? schemas.body : undefined;
    if (multipartBody && !req.is('multipart/form-data')) {
      throw new ClientError('UNSUPPORTED_MEDIA_TYPE', `the request body must be multipart/form-data, with the file in form field "${multipartBody.field}"`);
    }
    if (schemas.body && !multipartBody && !req.is('application/json')) {
      throw new ClientError('UNSUPPORTED_MEDIA_TYPE', 'the request body must be JSON (Content-Type: application/json)');
    }
    const issues: ErrorIssue[] = [];
    const parse = (where: keyof ParsedInput, schema: z.ZodType | undefined, value: unknown): unknown => {
      if (!schema) return undefined;
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      issues.push(...toIssues(where, result.error));
      return undefined;
    };
    const input: ParsedInput = {
      params: parse('params', schemas.params, req.params),
      query: parse('query', schemas.query, { ...req.query }),
      body: multipartBody ? uploadedFile(req, multipartBody, issues) : parse('body', schemas.body as z.ZodType | undefined, req.body),
    };
    if (issues.length > 0) throw validationFailed(issues);
    res.locals.input = input;
    next();
  };
}

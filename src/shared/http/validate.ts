// Request validation: the route's zod schemas parse params, query and body; the parsed values go to
// res.locals.input (Express 5 makes req.query a getter, so parsed input cannot be written back to req).
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { ClientError, validationFailed, type ErrorIssue } from '../errors.js';

export interface InputSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
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

export function validate(schemas: InputSchemas): RequestHandler {
  return (req, res, next) => {
    if (schemas.body && !req.is('application/json')) {
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
      body: parse('body', schemas.body, req.body),
    };
    if (issues.length > 0) throw validationFailed(issues);
    res.locals.input = input;
    next();
  };
}

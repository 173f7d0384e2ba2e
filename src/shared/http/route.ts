// Declaring an API route once: the same declaration mounts the express chain
// (authenticate → authorize → validate → handler) and describes the operation in /openapi.json,
// so the document cannot list a route that does not exist or miss one that does.
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { Actor, Role } from '../actor.js';
import { authorize } from './auth.js';
import { isMultipart, type MultipartBody, type UploadedFile } from './upload.js';
import { validate, type ParsedInput } from './validate.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  /** JSON body schema; omitted for empty bodies (204). */
  schema?: z.ZodType;
  /** Non-JSON body, e.g. text/csv; documented as a string. */
  contentType?: string;
  /** Other media types the same answer can be asked for beside the JSON `schema` (`?format=csv`), documented like `contentType`. */
  alternativeContentTypes?: readonly string[];
}

export interface RouteSpec {
  method: Method;
  /** Express-style path relative to the registry's base path: `/suppliers/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Who may call it; `public` needs no token. */
  roles: readonly Role[] | 'public';
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body (a zod schema), or an upload (`multipart(...)`). */
  body?: z.ZodType | MultipartBody;
  responses: Record<number, ResponseSpec>;
}

type Parsed<T> = T extends MultipartBody ? UploadedFile : T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<S extends RouteSpec> {
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  body: Parsed<S['body']>;
  actor: S['roles'] extends 'public' ? undefined : Actor;
}

export type RouteHandler<S extends RouteSpec> = (input: RouteInput<S>, res: Response, req: Request) => Promise<void> | void;

export class ApiRegistry {
  readonly routes: RouteSpec[] = [];

  constructor(
    readonly basePath: string,
    private readonly router: Router,
    private readonly middleware: {
      /** Resolves the bearer token to res.locals.actor, or fails with 401. */
      authenticate: RequestHandler;
      /** Parses a JSON body; runs after authorisation so anonymous callers cannot make us parse anything. */
      parseBody: RequestHandler;
      /** Reads a multipart upload with one file in `field` into memory; also runs after authorisation. */
      parseMultipart: (field: string) => RequestHandler;
    },
  ) {}

  define<const S extends RouteSpec>(spec: S, handler: RouteHandler<S>): void {
    this.routes.push(spec);
    const chain: RequestHandler[] = [];
    if (spec.roles !== 'public') chain.push(this.middleware.authenticate, authorize(spec.roles));
    if (isMultipart(spec.body)) chain.push(this.middleware.parseMultipart(spec.body.field));
    else if (spec.body) chain.push(this.middleware.parseBody);
    chain.push(validate(spec));
    chain.push(async (req, res) => {
      const parsed = res.locals.input as ParsedInput;
      const input = { ...parsed, actor: res.locals.actor as Actor | undefined } as RouteInput<S>;
      await handler(input, res, req);
    });
    this.router[spec.method](spec.path, ...chain);
  }
}

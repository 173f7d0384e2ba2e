import type { Request } from 'express';

/** The id pino-http gave this request (shared/logger.ts always makes it a string). */
export const requestIdOf = (req: Request): string => (typeof req.id === 'string' ? req.id : 'unknown');

// One place that turns errors into responses: 4xx with a clear message for the caller's
// mistakes, 500 with no internals for ours (the details go to the log only).
import { ConstraintViolationError } from '@thrive/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { TooManyRequestsError } from '../errors.ts';
import type { ErrorBody } from '../schemas.ts';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function body(statusCode: number, message: string, field?: string): ErrorBody {
  return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message, ...(field ? { field } : {}) };
}

function validationBody(error: FastifyError): ErrorBody {
  const first = error.validation?.[0];
  const where = error.validationContext ?? 'request';
  if (!first) return body(400, error.message);
  const missing = first.keyword === 'required' ? String(first.params.missingProperty ?? '') : '';
  const path = [where, ...first.instancePath.split('/').filter(Boolean), missing].filter(Boolean).join('.');
  const allowed = Array.isArray(first.params.allowedValues) ? `: one of ${first.params.allowedValues.join(', ')}` : '';
  const message = missing ? `${path} is required` : `${path} ${first.message ?? 'is invalid'}${allowed}`;
  return body(400, message, path);
}

/** Builds the error body and status for any thrown error. */
export function toErrorResponse(error: unknown): ErrorBody {
  if (error instanceof ConstraintViolationError) {
    return error.kind === 'unique'
      ? body(409, 'That already exists.')
      : body(400, 'That refers to something that does not exist or is not allowed.');
  }
  const e = error as Partial<FastifyError>;
  if (e.validation) return validationBody(error as FastifyError);
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  // A service's refusal may name the input at fault (`field`, as validation errors do).
  const field = typeof (error as { field?: unknown }).field === 'string' ? (error as { field: string }).field : undefined;
  if (status >= 400 && status < 500) return body(status, e.message || STATUS_TEXT[status] || 'Bad request', field);
  return body(status >= 500 && status < 600 ? status : 500, 'Something went wrong on our side; it has been logged.');
}

export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
      const response = toErrorResponse(error);
      if (response.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ statusCode: response.statusCode, reason: response.message }, 'request refused');
      // Every 429, whoever throws it, says when to come back.
      if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(response.statusCode).type('application/json').send(response);
    });
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const what = path.startsWith('/api/') ? 'No API route' : 'Nothing at';
      return reply.code(404).send(body(404, `${what} ${request.method} ${path}`));
    });
  },
  { name: 'errors' },
);

// How every route's input is validated (Fastify's `schemaController` option, so it covers every
// route with a schema, including ones added later):
// - query strings, path parameters and headers arrive as text, so their types are coerced
//   ("15" → 15); a JSON body already has types, so it must match its schema exactly
//   ({"disabled":"true"} is refused, not read as true);
// - after the schema passes, no string may hold a control character (NUL and the like break
//   PostgreSQL and terminals; tab, CR and LF stay allowed for multi-line text) and no number
//   may be infinite (1e309 and "Infinity" parse as Infinity) — a 400 naming the field.
import AjvCompiler from '@fastify/ajv-compiler';

/** Control characters refused in any string input: C0 but tab, LF and CR; DEL; C1. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** What is wrong with a string or number read from outside, or null when it is fine. */
export function inputProblem(value: unknown): string | null {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? 'must not contain control characters' : null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'must be a finite number';
  return null;
}

interface Problem {
  instancePath: string;
  message: string;
}

// Depth-first, so the first problem reported is the first field in the input.
function firstProblem(value: unknown, path: string): Problem | null {
  const own = inputProblem(value);
  if (own) return { instancePath: path, message: own };
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstProblem(item, `${path}/${i}`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = inputProblem(key);
      if (keyProblem) return { instancePath: path, message: `has a key that ${keyProblem}` };
      const found = firstProblem(item, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
      if (found) return found;
    }
  }
  return null;
}

type Compile = ReturnType<AjvCompiler.BuildCompilerFromPool>;
type Validate = ReturnType<Compile>;

function guarded(validate: Validate): Validate {
  // Ajv's validators are type predicates; this one narrows no further than they do.
  function check(data: unknown): data is unknown {
    const result: unknown = validate(data);
    if (result !== true) {
      checked.errors = validate.errors;
      return false;
    }
    const problem = firstProblem(data, '');
    checked.errors = problem ? [{ keyword: 'input', instancePath: problem.instancePath, schemaPath: '#', params: {}, message: problem.message }] : null;
    return problem === null;
  }
  const checked = Object.assign(check, { schema: validate.schema, schemaEnv: validate.schemaEnv, errors: validate.errors });
  return checked;
}

/**
 * Fastify's validator builder with two Ajv instances — coercing for text parts, exact for
 * bodies — and the control-character and finite-number check after either.
 */
export const buildValidator: AjvCompiler.BuildCompilerFromPool = (externalSchemas, options) => {
  const pool = AjvCompiler();
  const customOptions = options?.mode === 'JTD' ? {} : (options?.customOptions ?? {});
  const text = pool(externalSchemas, { ...options, mode: undefined, customOptions: { ...customOptions, coerceTypes: 'array' } });
  const exact = pool(externalSchemas, { ...options, mode: undefined, customOptions: { ...customOptions, coerceTypes: false } });
  // Fastify passes each route's part ({ schema, method, url, httpPart }), not a bare schema.
  return (route) => guarded((typeof route === 'object' && route.httpPart === 'body' ? exact : text)(route));
};

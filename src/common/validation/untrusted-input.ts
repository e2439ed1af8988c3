import type { FieldProblem } from '../errors/problem';

/**
 * How deep a request body may nest. The deepest body the API takes is three levels
 * (an elite programme's fixtures); a deeper one is an attack on the recursive validators
 * behind the parser, which would otherwise overflow the stack.
 */
export const MAX_JSON_DEPTH = 32;

const NUL = '\u0000';

/**
 * What is wrong with one piece of text, if anything: a NUL character (no field of the API
 * holds one; BSON keys and regular expressions cannot) or an unpaired UTF-16 surrogate
 * (not Unicode text; validators that encode it, like the e-mail check, throw).
 */
export function textProblem(text: string): string | undefined {
  if (text.includes(NUL)) return 'must not contain NUL characters';
  if (!text.isWellFormed()) return 'must be well-formed Unicode text (it holds an unpaired surrogate)';
  return undefined;
}

/**
 * What textProblem accepts, as a JSON Schema pattern for the OpenAPI document: no NUL. (An
 * unpaired surrogate cannot be written in UTF-8, so clients that encode text cannot send one.)
 */
export const TEXT_PATTERN = '^[^\\u0000]*$';

const pathOf = (parent: string, key: string | number) => (parent ? `${parent}.${key}` : String(key));

/**
 * The first problem of a parsed JSON value before any validator sees it: nesting deeper
 * than `maxDepth`, or a key or string that `textProblem` refuses. Iterative, so no input
 * can exhaust the stack here. `path` names the field (`injury.bodyRegions.0`), or `body`.
 */
export function findUntrustedJsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): FieldProblem | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value: current, path, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const message = textProblem(current);
      if (message) return { path: path || 'body', message };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) {
      return { path: path || 'body', message: `must not nest deeper than ${maxDepth} levels` };
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: pathOf(path, index), depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const keyMessage = textProblem(key);
      if (keyMessage) return { path: path || 'body', message: `has a field name that ${keyMessage}` };
      pending.push({ value: item, path: pathOf(path, key), depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The first problem among a request's query string or path parameters (flat values, or
 * arrays of them for repeated query parameters), by `textProblem`.
 */
export function findUntrustedTextProblem(values: unknown): FieldProblem | undefined {
  if (typeof values !== 'object' || values === null) return undefined;
  for (const [key, value] of Object.entries(values)) {
    for (const text of Array.isArray(value) ? value : [value]) {
      const message = typeof text === 'string' ? textProblem(text) : undefined;
      if (message) return { path: key, message };
    }
    const keyMessage = textProblem(key);
    if (keyMessage) return { path: 'query', message: `has a parameter name that ${keyMessage}` };
  }
  return undefined;
}

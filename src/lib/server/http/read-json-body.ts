import type { z } from 'zod';
import { InvalidParameterError } from '../errors.ts';

/**
 * A request's JSON body checked by its schema: a body that is not JSON is a 400 naming `body`
 * with the expected shape (`shape`), a wrong field a 400 naming that field.
 */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  shape: string,
): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new InvalidParameterError('body', `must be JSON: ${shape}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidParameterError(String(issue?.path[0] ?? 'body'), issue?.message ?? 'invalid');
  }
  return parsed.data;
}

/**
 * The URL of the n-th page after the first (n = 1, 2, …) of a url-template pagination:
 * {page} counts from `start` (the first page's number), {offset} moves by `step`.
 */
export function templateUrl(
  pagination: { template: string; start: number; step: number },
  n: number,
): string {
  return pagination.template
    .replaceAll('{page}', String(pagination.start + n))
    .replaceAll('{offset}', String(n * pagination.step));
}

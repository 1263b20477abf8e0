/**
 * The CIS 2018 method tags ("méthodes" filter group of the 2018 nomenclature), as a project's
 * methods store them. MED is also a member of the "inclusion" domain; as a method it is
 * "Médiation".
 */
export const METHOD_CODES = ['COO', 'EVA', 'GOU', 'MEC', 'MED', 'PAR', 'REC'] as const;
export type MethodCode = (typeof METHOD_CODES)[number];

const METHODS = new Set<string>(METHOD_CODES);

export function isMethodCode(code: string): code is MethodCode {
  return METHODS.has(code);
}

import { load } from 'cheerio';

const probe = load('<div></div>');

/** Why a CSS selector cannot be used (cheerio's parser says), or null when it can. */
export function cssSelectorProblem(selector: string): string | null {
  try {
    probe('div').find(selector);
    return null;
  } catch (error) {
    return `is not a valid CSS selector (${(error as Error).message})`;
  }
}

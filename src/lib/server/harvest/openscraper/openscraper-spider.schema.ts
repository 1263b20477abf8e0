import { z } from 'zod';

/**
 * OpenScraper's spider configuration as its 2018 backups hold it (`spiders_config.json`): only
 * what the converter reads. Unknown keys are allowed (and reported as not carried over).
 */
export const openScraperSpiderSchema = z
  .object({
    name: z.string(),
    page_url: z.string().optional(),
    notes: z.string().optional(),
    scraper_config: z
      .object({
        start_urls: z.array(z.string()).default([]),
        item_xpath: z.string().default(''),
        item_list_xpath: z.string().default(''),
        next_page: z.string().default(''),
        page_needs_splash: z.boolean().default(false),
        parse_follow: z.boolean().default(false),
        follow_xpath: z.string().default(''),
      })
      .loose(),
    field_xpaths: z.record(z.string(), z.string()).default({}),
    scraper_settings: z.record(z.string(), z.unknown()).default({}),
  })
  .loose();
export type OpenScraperSpider = z.infer<typeof openScraperSpiderSchema>;

/** The whole backup file ({ spiders: [...] }), or a bare list of spiders. */
export const openScraperFileSchema = z.union([
  z.object({ spiders: z.array(openScraperSpiderSchema) }).loose(),
  z.array(openScraperSpiderSchema),
]);

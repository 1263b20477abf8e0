import { contentHash } from '../imports/map-rows.ts';
import type { HarvestedRecord } from './extract/crawl-types.ts';
import type { IncomingRecord } from './store-raw-records.ts';

/**
 * Crawled records in the shape storeRawRecords takes: the hash covers the fields and the source
 * URL, so a record whose page moved counts as changed. Only store the records of a complete
 * crawl as a full listing (storeRawRecords marks the missing ones gone).
 */
export function toIncomingRecords(records: readonly HarvestedRecord[]): IncomingRecord[] {
  return records.map((record) => ({
    key: record.key,
    contentHash: contentHash({ fields: record.fields, sourceUrl: record.sourceUrl }),
    fields: record.fields,
    sourceUrl: record.sourceUrl,
  }));
}

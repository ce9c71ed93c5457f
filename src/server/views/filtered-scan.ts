/** A page of the rows that pass a filter, found by reading a listing in bounded pages. */

/** Rows read per query while filtering: memory stays bounded by this, not by the archive. */
export const SCAN_PAGE = 500;

/**
 * Reads `read(limit, offset)` a page of SCAN_PAGE at a time, keeps what `keep` makes of each page
 * (null: the row does not pass), and returns the `limit` kept rows from `offset` on, with how many
 * pass in all.
 */
export async function filteredScan<T>(read: (limit: number, offset: number) => Promise<T[]>, keep: (page: T[]) => Promise<Array<T | null>>, limit: number, offset: number): Promise<{ total: number; items: T[] }> {
  const items: T[] = [];
  let total = 0;
  for (let at = 0; ; at += SCAN_PAGE) {
    const rows = await read(SCAN_PAGE, at);
    for (const kept of await keep(rows)) {
      if (kept === null) continue;
      if (total >= offset && items.length < limit) items.push(kept);
      total++;
    }
    if (rows.length < SCAN_PAGE) return { total, items };
  }
}

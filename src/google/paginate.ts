/** One page of a Google list call, as googleapis returns it in `res.data`. */
export interface Page<T> {
  items?: T[] | null;
  nextPageToken?: string | null;
}

/**
 * Follow `nextPageToken` until the list ends or `maxPages` pages were read (a bound on latency and
 * on what one answer can hold). `complete` says whether the whole list was read.
 */
export async function readPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Page<T>>,
  maxPages: number,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const data = await fetchPage(token);
    items.push(...(data.items ?? []));
    token = data.nextPageToken ?? undefined;
    if (!token) return { items, complete: true };
  }
  return { items, complete: false };
}

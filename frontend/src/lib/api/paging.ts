import type { InfiniteData } from '@tanstack/react-query';

/**
 * Rows asked for at a time by the paged lists: the API's default, written out so that a change of the default on
 * the server does not change the SPA's pages. Longer lists go on with さらに表示.
 */
export const LIST_PAGE_SIZE = 100;

/** The rows of every page loaded so far, in the API's order (useInfiniteQuery's select). */
export function allItems<T>(data: InfiniteData<{ items: T[] }>): T[] {
  return data.pages.flatMap((page) => page.items);
}

/** The cursor for the page after the last one, or undefined (TanStack: no next page) when the list has ended. */
export function nextCursorOf(last: { nextCursor: string | null }): string | undefined {
  return last.nextCursor ?? undefined;
}

// Paging arithmetic shared by every paged list (capabilities count, routes and the UI show where a list stands).

/** How many pages `total` rows make at `pageSize` a page; an empty list is still one (empty) page. */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));

/** Where a paged list stands, for its caption and its Pagination. */
export interface Pages {
  page: number;
  pageCount: number;
  total: number;
}

export const pagesOf = (total: number, page: number, pageSize: number): Pages => ({ page, pageCount: pageCount(total, pageSize), total });

/** The rows of page `page` (1-based), as Prisma's `skip`/`take`. */
export const pageWindow = (page: number, pageSize: number): { skip: number; take: number } => ({ skip: (page - 1) * pageSize, take: pageSize });

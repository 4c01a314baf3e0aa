// Reads ?page= (or a page with another name, for a page with several paged lists) safely: anything odd becomes page 1.
export function pageFrom(request: Request, name = "page"): number {
  const page = Number(new URL(request.url).searchParams.get(name));
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
}

/** Where a paged list stands, for its caption and its Pagination. */
export interface Pages {
  page: number;
  pageCount: number;
  total: number;
}

export const pagesOf = (total: number, page: number, pageSize: number): Pages => ({
  page,
  pageCount: Math.max(1, Math.ceil(total / pageSize)),
  total,
});

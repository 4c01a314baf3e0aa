// Reads ?page= (or a page with another name, for a page with several paged lists) safely: anything odd becomes page 1.
export function pageFrom(request: Request, name = "page"): number {
  const page = Number(new URL(request.url).searchParams.get(name));
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
}

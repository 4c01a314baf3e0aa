// Reads ?page= safely: anything odd becomes page 1.
export function pageFrom(request: Request): number {
  const page = Number(new URL(request.url).searchParams.get("page"));
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
}

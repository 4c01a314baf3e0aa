// Plain semantic tables (no grid widget: reading, not editing) and link-based pagination.
import { Link as RemixLink } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./Table.css";

export interface DataTableColumn {
  key: string;
  header: ReactNode;
  /** "end" for numbers and dates, so digits line up (mirrors in RTL). */
  align?: "start" | "end" | "center";
  /** This column names the row (e.g. the asset tag): rendered as <th scope="row">. */
  isRowHeader?: boolean;
}

export interface DataTableProps {
  caption: ReactNode;
  columns: DataTableColumn[];
  rows: Record<string, ReactNode>[];
  /** Shown in a single cell when there are no rows. */
  emptyText: ReactNode;
  /** Stable keys for rows (e.g. record ids); defaults to the row index. */
  rowKey?: (row: Record<string, ReactNode>, index: number) => string;
}

export function DataTable({ caption, columns, rows, emptyText, rowKey }: DataTableProps) {
  const captionId = useId();
  const alignClass = (column: DataTableColumn) => (column.align ? `table__cell--${column.align}` : undefined);
  return (
    // Focusable region: keyboard users can scroll a wide table sideways; named by the caption.
    <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId} className="table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={alignClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table__empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={rowKey ? rowKey(row, index) : index}>
                {columns.map((column) =>
                  column.isRowHeader ? (
                    <th key={column.key} scope="row" className={alignClass(column)}>
                      {row[column.key]}
                    </th>
                  ) : (
                    <td key={column.key} className={alignClass(column)}>
                      {row[column.key]}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export interface PaginationProps {
  /** 1-based. */
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** Names the list when a page has several paged lists (each navigation landmark needs its own name). */
  list?: string;
}

/** Pages as they appear: first, last, and the neighbours of the current one; gaps become "…". */
function visiblePages(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1]);
  const pages = [...wanted].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const result: (number | "gap")[] = [];
  pages.forEach((p, index) => {
    if (index > 0 && p - pages[index - 1] > 1) result.push("gap");
    result.push(p);
  });
  return result;
}

export function Pagination({ page, pageCount, hrefFor, list }: PaginationProps) {
  const { t } = useTranslation("ui");
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={list ? t("pagination.labelFor", { list }) : t("pagination.label")}>
      {page > 1 ? (
        <RemixLink to={hrefFor(page - 1)} rel="prev" className="pagination__link pagination__link--previous">
          {t("pagination.previous")}
        </RemixLink>
      ) : null}
      <ul className="pagination__list">
        {visiblePages(page, pageCount).map((p, index) =>
          p === "gap" ? (
            <li key={`gap-${index}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <RemixLink
                to={hrefFor(p)}
                className="pagination__link"
                aria-current={p === page ? "page" : undefined}
                aria-label={t("pagination.page", { page: p })}
              >
                {p}
              </RemixLink>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <RemixLink to={hrefFor(page + 1)} rel="next" className="pagination__link pagination__link--next">
          {t("pagination.next")}
        </RemixLink>
      ) : null}
    </nav>
  );
}

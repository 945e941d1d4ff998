import { type HTMLAttributes, type ReactNode, useMemo, useState } from 'react';
import { intlLocale, useLocale, useT } from '../i18n/index.ts';
import { shellDict } from './dict.ts';
import { nextSort, type SortDirection, type SortValue, sortRows } from './sort.ts';
import { TableScroll } from './ui.tsx';

type CellAttributes = HTMLAttributes<HTMLTableCellElement> & { 'data-testid'?: string };

export interface Column<T> {
  /** stable id of the column (its sort state, React's key) */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** what the column sorts by; without it the column does not sort */
  sortValue?: (row: T) => SortValue;
  /** right-aligned, tabular figures */
  numeric?: boolean;
  /** classes on the header and every cell (e.g. `hide-narrow`) */
  className?: string;
  /** the header's words on each cell, for the narrow layout that shows rows as cards */
  label?: string;
  /** more attributes of a cell: a tooltip, a test id */
  cellProps?: (row: T) => CellAttributes;
}

interface Props<T> {
  rows: readonly T[];
  columns: ReadonlyArray<Column<T> | false | null | undefined>;
  rowKey: (row: T) => string;
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  className?: string;
  testId?: string;
  /** the order before anyone sorts: the rows as given, or a column's */
  initialSort?: { key: string; direction: SortDirection };
  /**
   * On a narrow screen (a tablet) each row becomes a card with every cell labelled by its
   * header, instead of a table that scrolls sideways. The first column spans the card.
   */
  cards?: boolean;
}

/**
 * A table of rows with a header per column. A sortable column's header is a button; the sorted
 * column says so to assistive technology (`aria-sort`). Wide tables scroll sideways.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  rowProps,
  className = 'table',
  testId,
  initialSort,
  cards = false,
}: Props<T>) {
  const t = useT(shellDict);
  const { locale } = useLocale();
  const cols = columns.filter((c): c is Column<T> => Boolean(c));
  const [sort, setSort] = useState(initialSort ?? null);
  const sorter = cols.find((c) => c.key === sort?.key)?.sortValue;
  const shown = useMemo(
    () => (sort && sorter ? sortRows(rows, sorter, sort.direction, intlLocale(locale)) : rows),
    [rows, sort, sorter, locale],
  );
  const classes = (c: Column<T>, more?: string) =>
    [c.numeric ? 'num' : '', c.className, more].filter(Boolean).join(' ') || undefined;
  return (
    <TableScroll>
      <table className={cards ? `${className} table-cards` : className} data-testid={testId}>
        <thead>
          <tr>
            {cols.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={classes(c)}
                  aria-sort={active ? sort.direction : undefined}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className={active ? `sort-button sorted ${sort.direction}` : 'sort-button'}
                      onClick={() => setSort((s) => nextSort(s, c.key))}
                      title={t('sortBy')}
                      data-sort={c.key}
                    >
                      {c.header}
                      <span className="sort-icon" aria-hidden="true" />
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {cols.map((c) => {
                const extra = c.cellProps?.(row);
                return (
                  <td
                    key={c.key}
                    data-label={c.label ?? (typeof c.header === 'string' ? c.header : undefined)}
                    {...extra}
                    className={classes(c, extra?.className)}
                  >
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

// The scaffolding the assessment's sections repeat: a loaded resource's three states (its
// error with a retry, loading until the first answer, then what it shows) and a table of rows
// in its sideways scroller, with what to show instead when there are no rows.
import type { FormEvent, ReactNode } from 'react';
import { ErrorState, Loading, TableScroll } from '../shell/ui.tsx';
import type { Resource } from '../shell/useResource.ts';

/**
 * The error (with a retry) while the resource is refused, loading until its first answer, then
 * `children(data)`; `empty` instead when `isEmpty(data)`. An answer kept while the resource loads
 * again stays shown.
 */
export function Loaded<T>({
  resource,
  isEmpty,
  empty,
  children,
}: {
  resource: Resource<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (resource.error) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (resource.data === undefined) return <Loading />;
  if (isEmpty?.(resource.data)) return <>{empty}</>;
  return <>{children(resource.data)}</>;
}

/**
 * A table of `rows`, one `<tr>` each from `row`, under the column heads `head` (key → what the
 * head shows, in order), in its sideways scroller; `empty` instead when there are no rows and
 * `empty` is given. `className`: a class the table carries beside `table`.
 */
export function DataTable<R>({
  testId,
  className,
  head,
  rows,
  row,
  empty,
}: {
  testId: string;
  className?: string;
  head: Record<string, ReactNode>;
  rows: readonly R[];
  row: (r: R) => ReactNode;
  empty?: ReactNode;
}) {
  if (empty !== undefined && rows.length === 0) return <>{empty}</>;
  return (
    <TableScroll>
      <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
        <thead>
          <tr>
            {Object.entries(head).map(([key, label]) => (
              <th key={key} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map((r) => row(r))}</tbody>
      </table>
    </TableScroll>
  );
}

/** A form of one fieldset: its legend, its fields in the form grid, one submit button. */
export function FieldsetForm({
  testId,
  legend,
  onSubmit,
  submit,
  busy,
  children,
}: {
  testId: string;
  legend: ReactNode;
  onSubmit: (e: FormEvent) => void;
  submit: string;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid={testId}>
      <fieldset>
        <legend>{legend}</legend>
        <div className="form-grid">{children}</div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {submit}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import type { FieldError } from '../shell/api.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { isOperator, useSession } from '../shell/session.tsx';
import { FormError, PageHeader, SelectField, SubmitRow } from '../shell/ui.tsx';
import { useSubmission } from '../shell/useSubmission.ts';
import { isOneOf, transferFormats } from '../shell/vocabulary.ts';
import { exportUrl, registryApi, type TransferFormat } from './api.ts';
import { dataDict } from './dataDict.ts';
import { registryDict } from './dict.ts';
import { formatOf } from './fileFormat.ts';

type Format = TransferFormat;
type ImportResult = Awaited<ReturnType<typeof registryApi.importFile>>;

export function DataPage() {
  const t = useT(registryDict);
  const { user } = useSession();
  const { locale } = useLocale();
  const exports: Array<{ format: Format; label: string; hint: string }> = [
    { format: 'json', label: t('exportJson'), hint: t('exportJsonHint') },
    { format: 'csv', label: t('exportCsv'), hint: t('exportCsvHint') },
    { format: 'xlsx', label: t('exportXlsx'), hint: t('exportXlsxHint') },
    { format: 'geojson', label: t('exportGeojson'), hint: t('exportGeojsonHint') },
  ];
  return (
    <>
      <PageHeader title={t('dataTitle')} lead={t('dataLead')} />
      <section className="card">
        <h2 className="card-title">{t('exportTitle')}</h2>
        <p className="muted">{t('exportLead')}</p>
        <div className="export-grid">
          {exports.map((x) => (
            <a
              key={x.format}
              className="export-tile"
              href={exportUrl(x.format, locale)}
              download
              data-testid={`export-${x.format}`}
            >
              <span className="export-format">{x.label}</span>
              <span className="export-hint">{x.hint}</span>
            </a>
          ))}
        </div>
      </section>
      <section className="card">
        <h2 className="card-title">{t('importTitle')}</h2>
        <p className="muted">{t('importLead')}</p>
        {isOperator(user) ? <Import /> : <p className="note">{t('importOperatorOnly')}</p>}
      </section>
    </>
  );
}

type Sections = ImportResult['changes'];
type SectionName = keyof Sections;
const sectionNames: SectionName[] = ['organisations', 'sites', 'memberships'];
const fileSections = [...sectionNames, 'provenance', 'file'] as const;

/** The counts per section: new, changed, unchanged. */
function ChangeCounts({ result, done }: { result: ImportResult; done: boolean }) {
  const d = useT(dataDict);
  const fmt = useFormat();
  return (
    <DataTable
      testId={done ? 'import-result-counts' : 'import-preview-counts'}
      className="table compact-table"
      rows={sectionNames.map((name) => ({ name, ...result.changes[name] }))}
      rowKey={(r) => r.name}
      rowProps={(r) => ({ 'data-section': r.name })}
      columns={[
        {
          key: 'what',
          header: d('colWhat'),
          cell: (r) => d(`section:${r.name}`),
          sortValue: (r) => d(`section:${r.name}`),
        },
        {
          key: 'created',
          header: d('colCreated'),
          numeric: true,
          cell: (r) => fmt.integer(r.created),
          cellProps: () => ({ 'data-testid': 'created' }),
          sortValue: (r) => r.created,
        },
        {
          key: 'updated',
          header: done ? d('colUpdatedDone') : d('colUpdated'),
          numeric: true,
          cell: (r) => fmt.integer(r.updated),
          cellProps: () => ({ 'data-testid': 'updated' }),
          sortValue: (r) => r.updated,
        },
        {
          key: 'unchanged',
          header: d('colUnchanged'),
          numeric: true,
          cell: (r) => fmt.integer(r.unchanged),
          cellProps: () => ({ 'data-testid': 'unchanged' }),
          sortValue: (r) => r.unchanged,
        },
      ]}
    />
  );
}

/** The records the import creates or changes, each with its line in the file. */
function ChangedRows({ result, done }: { result: ImportResult; done: boolean }) {
  const t = useT(registryDict);
  const d = useT(dataDict);
  const rows = result.rows.filter((r) => r.change !== 'unchanged');
  if (!rows.length) return <p className="muted">{d('nothingToChange')}</p>;
  const word = (r: ImportResult['rows'][number]) =>
    done ? d(`changeDone:${r.change}`) : d(`change:${r.change}`);
  return (
    <details className="import-rows" open={rows.length <= 20}>
      <summary>
        {d('changedRows')}: {rows.length}
      </summary>
      <DataTable
        testId="import-rows"
        className="table compact-table"
        cards
        rows={rows}
        rowKey={(r) => `${r.section}:${r.id}`}
        columns={[
          {
            key: 'line',
            header: t('colLine'),
            numeric: true,
            cell: (r) => r.line,
            sortValue: (r) => r.line,
          },
          {
            key: 'section',
            header: t('colSection'),
            cell: (r) => d(`section:${r.section}`),
            sortValue: (r) => d(`section:${r.section}`),
          },
          {
            key: 'id',
            header: d('colId'),
            cell: (r) => <span className="mono">{r.id}</span>,
            sortValue: (r) => r.id,
          },
          {
            key: 'name',
            header: d('colName'),
            cell: (r) => r.name ?? '',
            sortValue: (r) => r.name,
          },
          {
            key: 'change',
            header: done ? d('colChangeDone') : d('colChange'),
            cell: (r) => (
              <>
                <span className={`badge change-${r.change}`}>{word(r)}</span>
                {r.fields?.length ? (
                  // the columns whose values change, named as the file heads them
                  <span className="change-fields" data-testid="change-fields">
                    {r.fields.join(', ')}
                  </span>
                ) : null}
              </>
            ),
            sortValue: word,
          },
        ]}
      />
    </details>
  );
}

function Import() {
  const t = useT(registryDict);
  const d = useT(dataDict);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format | ''>('');
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { busy, error, setError, run } = useSubmission();
  // the key, not the text: worded when shown, so a switch of language words it anew
  const [local, setLocal] = useState<'errRequired' | 'importNoFormat' | null>(null);

  const chosen: Format | null = format || (file ? formatOf(file.name) : null);
  const reset = () => {
    setPreview(null);
    setResult(null);
    setError(null);
    setLocal(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    if (!file) {
      setLocal('errRequired');
      return;
    }
    if (!chosen) {
      setLocal('importNoFormat');
      return;
    }
    await run(async () => setPreview(await registryApi.importFile(chosen, file, { dryRun: true })));
  };

  const apply = async () => {
    if (!file || !chosen || !preview) return;
    const expect = preview.preview;
    await run(async () => {
      try {
        setResult(await registryApi.importFile(chosen, file, { expect }));
      } finally {
        // applied or refused, the preview is spent: a refusal asks for a new check
        setPreview(null);
      }
    });
  };

  const rows: FieldError[] = error?.problem.errors ?? [];
  const sections = rows.some((r) => r.section);
  const sectionLabel = (s: string | undefined) => {
    const known = fileSections.find((x) => x === s);
    return known ? d(`section:${known}`) : (s ?? '');
  };
  return (
    <>
      <form className="inline-form" onSubmit={submit} noValidate data-testid="import-form">
        <div className={`field file-field${local ? ' field-invalid' : ''}`}>
          <span className="label" id="import-file-label">
            {t('importFile')}
          </span>
          <label className="file-picker">
            <input
              type="file"
              name="file"
              className="visually-hidden"
              accept=".json,.csv,.txt,.xlsx,.geojson"
              aria-labelledby="import-file-label"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
            <span className="btn btn-small">{t('chooseFile')}</span>
            <span className={file ? 'file-name' : 'file-name muted'}>
              {file ? file.name : t('noFile')}
            </span>
          </label>
          {local && <span className="field-error">{t(local)}</span>}
        </div>
        <SelectField
          label={t('importFormat')}
          value={format}
          onChange={(e) => {
            setFormat(isOneOf(transferFormats, e.target.value) ? e.target.value : '');
            setPreview(null);
          }}
          any={
            <>
              {t('formatAuto')}
              {file && formatOf(file.name) ? ` (${formatOf(file.name)?.toUpperCase()})` : ''}
            </>
          }
          options={transferFormats}
          optionLabel={(f) => f.toUpperCase()}
        />
        <SubmitRow busy={busy && !preview} inline>
          {busy && !preview ? d('previewing') : d('previewSubmit')}
        </SubmitRow>
      </form>
      {preview && (
        <div className="import-preview" data-testid="import-preview">
          <h3>{d('previewTitle')}</h3>
          <p className="muted">{d('previewLead')}</p>
          <ChangeCounts result={preview} done={false} />
          <ChangedRows result={preview} done={false} />
          <div className="actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={apply}
              data-testid="import-apply"
            >
              {busy ? d('applying') : d('apply')}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => setPreview(null)}>
              {d('cancel')}
            </button>
          </div>
        </div>
      )}
      {result && (
        <div className="alert alert-success" role="status" data-testid="import-result">
          <strong>{d('resultTitle')}</strong>
          <ChangeCounts result={result} done />
          <ChangedRows result={result} done />
        </div>
      )}
      {error && (
        <div className="import-errors" data-testid="import-errors">
          {/* one message: the problem's own words; the rows below name each line and field */}
          <FormError error={error} placed={() => true} />
          {rows.length > 0 && (
            <DataTable
              className="table problem-table"
              cards
              rows={rows.map((r, i) => ({ ...r, i }))}
              rowKey={(r) => String(r.i)}
              columns={[
                {
                  key: 'line',
                  header: t('colLine'),
                  numeric: true,
                  cell: (r) => r.line ?? '—',
                  sortValue: (r) => r.line,
                },
                sections && {
                  key: 'section',
                  header: t('colSection'),
                  cell: (r) => sectionLabel(r.section),
                  sortValue: (r) => sectionLabel(r.section),
                },
                {
                  key: 'field',
                  header: t('colField'),
                  // the field as people call it; its path in the file beside it
                  cell: (r) => (
                    <>
                      {r.label ?? r.field ?? ''}
                      {r.label && r.field && <div className="sub mono">{r.field}</div>}
                    </>
                  ),
                  sortValue: (r) => r.label ?? r.field,
                },
                {
                  key: 'message',
                  header: t('colMessage'),
                  className: 'message-cell',
                  cell: (r) => r.message,
                  sortValue: (r) => r.message,
                },
              ]}
            />
          )}
        </div>
      )}
    </>
  );
}

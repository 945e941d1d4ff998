import { type FormEvent, useState } from 'react';
import { useFormat, useT } from '../i18n/index.ts';
import type { FieldError } from '../shell/api.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { isOperator, useSession } from '../shell/session.tsx';
import { FormError, PageHeader, SelectField, SubmitRow } from '../shell/ui.tsx';
import { useSubmission } from '../shell/useSubmission.ts';
import { isOneOf, transferFormats } from '../shell/vocabulary.ts';
import { exportUrl, registryApi, type TransferFormat } from './api.ts';
import { registryDict } from './dict.ts';
import { formatOf } from './fileFormat.ts';

type Format = TransferFormat;
type ImportResult = Awaited<ReturnType<typeof registryApi.importFile>>;

export function DataPage() {
  const t = useT(registryDict);
  const { user } = useSession();
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
              href={exportUrl(x.format)}
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

function Import() {
  const t = useT(registryDict);
  const fmt = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format | ''>('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const { busy, error, setError, run } = useSubmission();
  const [local, setLocal] = useState<string | null>(null);

  const chosen: Format | null = format || (file ? formatOf(file.name) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setError(null);
    setLocal(null);
    if (!file) {
      setLocal(t('errRequired'));
      return;
    }
    if (!chosen) {
      setLocal(t('importNoFormat'));
      return;
    }
    await run(async () => setResult(await registryApi.importFile(chosen, file)));
  };

  const rows: FieldError[] = error?.problem.errors ?? [];
  const sections = rows.some((r) => r.section);
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
                setResult(null);
                setError(null);
                setLocal(null);
              }}
            />
            <span className="btn btn-small">{t('chooseFile')}</span>
            <span className={file ? 'file-name' : 'file-name muted'}>
              {file ? file.name : t('noFile')}
            </span>
          </label>
          {local && <span className="field-error">{local}</span>}
        </div>
        <SelectField
          label={t('importFormat')}
          value={format}
          onChange={(e) =>
            setFormat(isOneOf(transferFormats, e.target.value) ? e.target.value : '')
          }
          any={
            <>
              {t('formatAuto')}
              {file && formatOf(file.name) ? ` (${formatOf(file.name)?.toUpperCase()})` : ''}
            </>
          }
          options={transferFormats}
          optionLabel={(f) => f.toUpperCase()}
        />
        <SubmitRow busy={busy} inline>
          {busy ? t('importing') : t('importSubmit')}
        </SubmitRow>
      </form>
      {result && (
        <div className="alert alert-success" role="status" data-testid="import-result">
          <strong>{t('importDone')}</strong>{' '}
          {t('importCounts', {
            o: fmt.integer(result.counts.organisations),
            s: fmt.integer(result.counts.sites),
            m: fmt.integer(result.counts.memberships),
          })}
        </div>
      )}
      {error && (
        <div className="import-errors" data-testid="import-errors">
          <FormError error={error} placed={() => true} />
          {rows.length > 0 && (
            <>
              <p className="muted">{t('importFailed', { n: fmt.integer(rows.length) })}</p>
              <DataTable
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
                    cell: (r) => r.section ?? '',
                    sortValue: (r) => r.section,
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
                  { key: 'message', header: t('colMessage'), cell: (r) => r.message },
                ]}
              />
            </>
          )}
        </div>
      )}
    </>
  );
}

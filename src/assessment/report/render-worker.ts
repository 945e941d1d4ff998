// The report rendered in a worker thread (src/work): a PDF takes pdfkit a second or two on the
// example cluster, which the server's event loop must not wait through. The default export runs
// in the thread, from plain data (the model, gathered in the caller's thread, and the format);
// `renderOrder` runs in the caller's.

import type { ReportFormat } from '../schema.ts';
import { reportHtml } from './html.ts';
import type { Lang, ReportModel } from './model.ts';
import { reportPdf } from './pdf.ts';
import { reportXlsx } from './xlsx.ts';

export interface RenderTask {
  model: ReportModel;
  format: ReportFormat;
  lang: Lang;
}

/** The file's bytes (a thread hands back a Uint8Array: structured clone drops Buffer's class). */
export default async function renderReportTask(task: RenderTask): Promise<Uint8Array> {
  const { model, format, lang } = task;
  if (format === 'pdf') return reportPdf(model, lang);
  if (format === 'xlsx') return reportXlsx(model, lang);
  return Buffer.from(reportHtml(model, lang));
}

/** What to hand the pool for one rendering. */
export const renderOrder = (task: RenderTask) => ({ worker: new URL(import.meta.url), task });

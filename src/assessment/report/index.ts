// The assessment report: its model and its two renderings.
export { reportHtml } from './html.ts';
export { type Lang, networkOf, type ReportModel, reportModel } from './model.ts';
export { reportPdf } from './pdf.ts';

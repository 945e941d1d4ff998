// The assessment report: its model and its renderings (HTML, PDF, the figures as XLSX).
export { reportHtml } from './html.ts';
export { type Lang, networkOf, type ReportModel, reportModel } from './model.ts';
export { reportPdf } from './pdf.ts';
export { reportXlsx } from './xlsx.ts';

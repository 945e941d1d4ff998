export { sections } from './columns.ts';
export { parseCsv, writeCsv } from './csv.ts';
export { decodeRegistry, encodeRegistry, formatFromFileName } from './formats.ts';
export { collectSnapshot, type ImportResult, TransferService } from './service.ts';

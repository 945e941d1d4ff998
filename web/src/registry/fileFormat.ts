// Which of the registry's file formats a file is, by its name. Pure.
import type { TransferFormat } from './api.ts';

/** The format a file's name says it has (a CSV may come as .txt), or null. */
export function formatOf(fileName: string): TransferFormat | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'geojson') return 'geojson';
  return null;
}

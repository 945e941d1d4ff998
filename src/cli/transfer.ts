import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { DomainError, systemActor, wordIn } from '../model/index.ts';
import { openPlatform } from '../platform.ts';
import { formatFromFileName, TransferFormat } from '../registry/index.ts';

/**
 * `digicluster import FILE [--format F] [--dry-run]`: all rows or none; bad rows listed with
 * line and field. Says how many records are created, updated and unchanged; `--dry-run` says
 * it without writing.
 */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: digicluster import FILE [--format json|csv|xlsx|geojson] [--dry-run]');
    return 2;
  }
  const format = TransferFormat.safeParse(values.format ?? formatFromFileName(file));
  if (!format.success) {
    console.error(
      `digicluster import: cannot tell the format of ${file}; pass --format json|csv|xlsx|geojson`,
    );
    return 2;
  }
  const platform = await openPlatform(loadConfig());
  try {
    const dryRun = values['dry-run'] === true;
    const r = await platform.transfer.importRegistry(systemActor, readFileSync(file), format.data, {
      dryRun,
    });
    console.log(dryRun ? 'dry run: nothing written' : 'imported');
    for (const [section, c] of Object.entries(r.changes))
      console.log(
        `  ${section}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`,
      );
    for (const row of r.rows.filter((x) => x.change !== 'unchanged'))
      console.log(
        `  ${row.section} line ${row.line}: ${row.id} ${row.change}${row.fields ? ` (${row.fields.join(', ')})` : ''}`,
      );
    return 0;
  } catch (e) {
    if (e instanceof DomainError && e.status === 400) {
      console.error(`digicluster import: ${e.message}`);
      for (const p of e.fields)
        console.error(
          `  ${p.section ?? ''} line ${p.line ?? '-'}: ${p.field}: ${wordIn(p.message, 'en')}`,
        );
      return 1;
    }
    throw e;
  } finally {
    await platform.close();
  }
}

/** `digicluster export --format F [--output FILE]` (stdout without --output). */
export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'json' },
      output: { type: 'string', short: 'o' },
    },
  });
  const format = TransferFormat.safeParse(values.format);
  if (!format.success) {
    console.error('digicluster export: --format must be json, csv, xlsx or geojson');
    return 2;
  }
  if (format.data === 'xlsx' && !values.output && process.stdout.isTTY) {
    console.error('digicluster export: XLSX is binary; pass --output FILE or redirect');
    return 2;
  }
  const platform = await openPlatform(loadConfig());
  try {
    const bytes = await platform.transfer.exportRegistry(systemActor, format.data);
    if (values.output) writeFileSync(values.output, bytes);
    else process.stdout.write(bytes);
    return 0;
  } finally {
    await platform.close();
  }
}

// Prints the README's headline block: the Kuzbass example seeded into a temporary SQLite file
// and planned, on the example's reference date (or --date YYYY-MM-DD). --write puts it into
// README.md in place of the block between <!-- headline:start --> and <!-- headline:end -->.
//
//   node --import tsx scripts/headline.ts [--write] [--date YYYY-MM-DD]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoPlan, headlineBlock, headlineDay, withBlock } from '../src/example/headline.ts';

const usage = 'usage: node --import tsx scripts/headline.ts [--write] [--date YYYY-MM-DD]\n';
let write = false;
let dateArg: string | undefined;
const args = process.argv.slice(2);
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--write') write = true;
  else if (args[k] === '--date' && /^\d{4}-\d{2}-\d{2}$/.test(args[k + 1] ?? ''))
    dateArg = args[++k];
  else {
    process.stderr.write(usage);
    process.exit(2);
  }
}
const day = dateArg ? new Date(`${dateArg}T12:00:00Z`) : headlineDay();

const plan = await demoPlan(day);
if (plan.warnings.length)
  process.stderr.write(
    `headline: the plan has ${plan.warnings.length} warnings (\`digicluster match --cluster\` lists them)\n`,
  );
const block = headlineBlock(plan, day);
if (write) {
  const readme = fileURLToPath(new URL('../README.md', import.meta.url));
  writeFileSync(readme, withBlock(readFileSync(readme, 'utf8'), block));
  process.stderr.write('headline: README.md updated\n');
}
process.stdout.write(`${block}\n`);

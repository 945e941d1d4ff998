// The `digicluster` command. Heavy modules load lazily per command, so `match` starts fast.
import { environment } from '../config.ts';

const usage = `digicluster — the digital core of a mineral-resource cluster

Usage:
  digicluster serve                 run the platform (API, docs, web app); seeds the example on an empty database
  digicluster demo [--reset]        seed the Kuzbass example (--reset: wipe the database first)
  digicluster journal verify        check the journal's hash chain; exit 1 naming the first bad event
  digicluster journal verify --checkpoint FILE [--public-key FILE]
                                    also check a kept checkpoint: signed by the trusted key (default:
                                    JOURNAL_KEY_FILE's), and the journal unchanged up to it
  digicluster journal verify --state
                                    also compare each record's latest event with its row; exit 1
                                    naming the first difference
  digicluster journal checkpoint [--json]
                                    sign the journal's head with JOURNAL_KEY_FILE; members keep it
  digicluster journal replay --subscriber NAME --seq N
                                    hand an event the subscriber parked to it again, once mended
                                    (subscription.event-parked lists them)
  digicluster import FILE [--format json|csv|xlsx|geojson]
                                    import organisations, sites and memberships: all rows or none
  digicluster export [--format json|csv|xlsx|geojson] [--output FILE]
                                    export the registry (CSV in the form Russian Excel opens)
  digicluster match FILE [--json]   solve an allocation problem in the engine format
  digicluster match --cluster [--json] [--factors FILE]
                                    plan the exchange over the live listings in the database;
                                    FILE: JSON object, factor key → value, overriding
                                    data/reference/factors.json for this plan
  digicluster device add --organisation ORG --site SITE --profile PROFILE [--json]
                                    register a device; prints its id and token (shown once)
  digicluster device rotate|list|acl
                                    rotate a token, list devices, write Mosquitto's password and ACL files
  digicluster simulate-plant [--rate N] [--minutes M] [--broker URL] [--seed S] [--live] [--json]
                                    publish a preparation plant's telemetry over MQTT (shifts, a stoppage,
                                    an ash excursion that trips the ash alarm); registers its devices
  digicluster search QUERY [--json] search knowledge assets, profiles and R&D projects, best first
  digicluster deals [--state S] [--json]
                                    the deals (as the operator sees them; --json: the API's body)
  digicluster impact [--level L] [--json]
                                    the impact ledger (identified, contracted, delivered) as the
                                    operator sees it; --json: the body of GET /api/v1/impact
  digicluster tally FILE [--json]   count a vote (plurality, approval, irv, weighted, consent)
  digicluster assess [FILE] [--json] [--as-of DATE] [--months N] [--lang ru|en]
                                    place the cluster on the paper's scale (territorial cluster →
                                    digital cluster → business ecosystem): the snapshot in FILE,
                                    or without FILE the platform's own data; the last 12 months
                                    unless --months, printed with the result
  digicluster decree-779 [--year YYYY] [--json]
                                    the status check against Government Decree 779 on industrial
                                    clusters, with each member's evidence (--json: the API's body)
  digicluster network FILE [--json] [--threads N]
                                    network metrics of a graph (degree, betweenness, closeness,
                                    PageRank, eigenvector, Louvain communities, modularity, density)
  digicluster report --format html|pdf --out FILE [--lang ru|en]
                                    the assessment report for the regional ministry (PDF
                                    without a browser, Cyrillic font embedded)
  digicluster --help                this text

Environment variables:
${environment.map(([name, what, def]) => `  ${name.padEnd(18)} ${what} (default: ${def})`).join('\n')}
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(usage);
        return 0;
      case 'match': {
        const { runMatch } = await import('./match.ts');
        return await runMatch(rest);
      }
      case 'search':
        return await (await import('./search.ts')).runSearch(rest);
      case 'deals':
        return await (await import('./deals.ts')).runDeals(rest);
      case 'impact':
        return await (await import('./impact.ts')).runImpact(rest);
      case 'tally':
        return await (await import('./tally.ts')).runTally(rest);
      case 'assess':
        return await (await import('./assess.ts')).runAssess(rest);
      case 'decree-779':
        return await (await import('./decree779.ts')).runDecree779(rest);
      case 'network':
        return await (await import('./network.ts')).runNetwork(rest);
      case 'report':
        return await (await import('./report.ts')).runReport(rest);
      case 'serve':
        return await (await import('./serve.ts')).serve();
      case 'demo':
        return await (await import('./demo.ts')).demo(rest);
      case 'import':
        return await (await import('./transfer.ts')).importCommand(rest);
      case 'export':
        return await (await import('./transfer.ts')).exportCommand(rest);
      case 'device':
        return await (await import('./device.ts')).device(rest);
      case 'simulate-plant':
        return await (await import('./simulate-plant.ts')).simulatePlantCommand(rest);
      case 'journal':
        if (rest[0] === 'verify')
          return await (await import('./journal.ts')).journalVerify(rest.slice(1));
        if (rest[0] === 'checkpoint')
          return await (await import('./journal.ts')).journalCheckpoint(rest.slice(1));
        if (rest[0] === 'replay')
          return await (await import('./journal.ts')).journalReplay(rest.slice(1));
        process.stderr.write('digicluster journal: expected "verify", "checkpoint" or "replay"\n');
        return 2;
      default:
        process.stderr.write(`digicluster: unknown command "${command}"; see digicluster --help\n`);
        return 2;
    }
  } catch (error) {
    process.stderr.write(
      `digicluster ${command}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

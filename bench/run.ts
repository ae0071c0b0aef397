// `npm run bench`: runs every benchmark in bench/index.ts in turn and prints its markdown report.
// Benchmarks start their own servers on loopback and stop by themselves; nothing here runs in `npm test`.
import { cpus, totalmem } from 'node:os';
import { benchmarks } from './index';

async function main(): Promise<void> {
  const only = process.argv[2];
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `# Lume benchmarks — ${new Date().toISOString().slice(0, 10)}\n\nMachine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}\n\n`,
  );
  for (const bench of benchmarks) {
    if (only && !bench.name.includes(only)) continue;
    process.stdout.write(`## ${bench.name}\n\n`);
    process.stdout.write(`${await bench.run()}\n\n`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);

import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './types';

// `npm run bench` runs every bench file; `npm run bench -- search` runs matching files and prints only.
const filter = process.argv[2];
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}`;
const sections: BenchSection[] = [];
for (const file of files) {
  console.error(`▶ ${file}`);
  const mod = (await import(join(dir, file))) as { default: () => Promise<BenchSection> };
  const section = await mod.default();
  console.log(`\n## ${section.title}\n\n${section.markdown}`);
  sections.push(section);
}

if (!filter) {
  const body = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`,
    'Every comparison below was run in the same process, on the same data and inputs.',
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', s.markdown.trim(), '']),
  ].join('\n');
  writeFileSync(join(dir, '..', 'BENCHMARKS.md'), body);
  console.error('BENCHMARKS.md written');
}

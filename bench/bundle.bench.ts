import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchSection } from './types';

const BUDGET_KB = 60;

/**
 * The side panel's JavaScript as the browser loads it at open: the page's module scripts and every chunk
 * they import statically. Dynamically imported chunks (the bundled demo directory) are data, loaded on
 * demand, and reported separately.
 */
export function staticGraph(root: string, entries: string[]): { eager: Set<string>; lazy: Set<string> } {
  const eager = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string) => {
    if (eager.has(file)) return;
    eager.add(file);
    const code = readFileSync(join(root, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["'`]([^"'`]+\.js)["'`]/g)) visit(resolveChunk(file, m[1]));
    for (const m of code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) lazy.add(resolveChunk(file, m[1]));
  };
  for (const e of entries) visit(e);
  for (const f of eager) lazy.delete(f);
  return { eager, lazy };
}

function resolveChunk(from: string, spec: string): string {
  return spec.startsWith('/') ? spec.slice(1) : join(dirname(from), spec);
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export default async function bundle(): Promise<BenchSection> {
  const root = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
  const html = join(root, 'sidepanel.html');
  if (!existsSync(html)) throw new Error(`No build in ${root}: run "npm run build" first.`);
  const page = readFileSync(html, 'utf8');
  const entries = [...page.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => resolveChunk('', m[1]));
  const { eager, lazy } = staticGraph(root, entries);
  const size = (f: string) => {
    const buf = readFileSync(join(root, f));
    return { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
  };
  const isData = (f: string) => /(^|\/)data-[^/]+\.js$/.test(f);
  const rows = [...eager].map((f) => ({ f, ...size(f) })).sort((a, b) => b.gz - a.gz);
  const code = rows.filter((r) => !isData(r.f));
  const data = rows.filter((r) => isData(r.f));
  const lazyRows = [...lazy].map((f) => ({ f, ...size(f) })).sort((a, b) => b.gz - a.gz);
  const sum = (list: { gz: number }[]) => list.reduce((s, r) => s + r.gz, 0);
  const total = sum(code);
  const panelCss = gzipSync(
    ['base', 'panel', 'conversation'].map((f) => readFileSync(join('components', `${f}.css`), 'utf8')).join('\n'),
    { level: 9 },
  ).length;
  const css = [...page.matchAll(/<link[^>]+href="([^"]+\.css)"/g)].map((m) => size(resolveChunk('', m[1])).gz);
  const table = (list: { f: string; raw: number; gz: number }[]) =>
    list.map((r) => `| ${r.f} | ${kb(r.raw)} | ${kb(r.gz)} |`);
  return {
    title: 'Side panel bundle size',
    markdown: [
      `Gzipped (level 9) files the side panel page loads at open, from \`${root}\`. Budget: JavaScript code ≤ ${BUDGET_KB} KB. The lay-language vocabulary, the ordinary words never read as typos and the word lists the query is read with (\`data/query-words.json\`), editable data files, are built into a chunk of their own (\`data-*\`) so code and data can be told apart; both are listed. The code chunks also carry the small script data file and the panel's stylesheets (${kb(panelCss)} KB gzipped on their own), so the page waits for three files at open, not six.`,
      '',
      '| file | raw KB | gzipped KB |',
      '|---|---:|---:|',
      ...table(code),
      `| **JavaScript code at open** | ${kb(code.reduce((s, r) => s + r.raw, 0))} | **${kb(total)}** (${total <= BUDGET_KB * 1024 ? 'within' : 'OVER'} budget) |`,
      ...table(data),
      `| data at open (vocabulary, ordinary words, query word lists) | | ${kb(sum(data))} |`,
      `| everything at open | | ${kb(sum(rows))} |`,
      '',
      `Stylesheet files at open: ${css.length}. Loaded only when there is no stored directory (the bundled demo directory): ${
        lazyRows.map((r) => `${r.f} ${kb(r.gz)} KB`).join(', ') || 'none'
      }.`,
    ].join('\n'),
  };
}

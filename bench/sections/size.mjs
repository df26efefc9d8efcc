// 1. Bytes of every output: scripts/size.mjs, run as a child process.
import { runNode } from '../harness.mjs';
import { ROOT } from '../options.mjs';

export const name = 'size';

export async function measure() {
  // scripts/size.mjs owns the measurement; its table is embedded as printed.
  // It exits 1 while its bar is not met: that is its business, not this one's.
  const out = await runNode(['scripts/size.mjs'], { cwd: ROOT }).catch((e) => e);
  const text = String(out.stdout ?? '').trim();
  console.log(text.split('\n').slice(-1)[0]);
  return { text, code: out.code ?? 0 };
}

/** Its part of docs/benchmarks.md. */
export function describe(p, { size }) {
  p(
    '## 1. Bytes of every output',
    '',
    'As printed by `node scripts/size.mjs` (gzip -9 and brotli at max quality), run by the bench as a',
    'child process:',
    '',
  );
  p(size.text || '(no output)', '');
}

/** Its line in the findings. */
export function findings(out, { size }) {
  const line = size.text.split('\n').find((l) => l.startsWith('script-tag bundle'));
  if (line) out.push(`- **Size:** ${line} (checked by \`npm run size\`, not here).`);
}

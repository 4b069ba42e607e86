import os from 'node:os';
import { benchAnalyze } from './analyze.bench';

/** Prints every benchmark as Markdown, ready for docs/BENCHMARKS.md. Never fails on time. */
function main() {
  console.log(`# GANvas benchmarks: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`);
  console.log('## analyze (shape inference + diagnostics)\n');
  console.log(benchAnalyze().join('\n'));
}

main();

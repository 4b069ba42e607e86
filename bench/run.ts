import os from 'node:os';
import { benchAnalyze } from './analyze.bench';
import { benchEditor } from './editor.bench';

/** Prints every benchmark as Markdown, ready for docs/BENCHMARKS.md. Never fails on time. */
async function main() {
  console.log(`# GANvas benchmarks: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`);
  console.log('## analyze (shape inference + diagnostics)\n');
  console.log(benchAnalyze().join('\n'));
  if (!process.argv.includes('--node-only')) {
    console.log('\n## Editor at 300 nodes\n');
    console.log((await benchEditor()).join('\n'));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

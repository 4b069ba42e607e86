import { nodeBackend } from './node-backend';
import { qualityProject, qualityRun, type QualityRun } from './quality.bench';

/** Five seeds; QUALITY_SEEDS=1,2,3 runs a subset (to split the work over processes), QUALITY_EVERY=N scores every N iterations too. */
const SEEDS = process.env.QUALITY_SEEDS?.split(',').map(Number) ?? [1, 2, 3, 4, 5];

/** Both 2-D datasets, five seeds each, mean modes captured and high-quality fraction. */
export async function benchQuality(iterations = Number(process.env.QUALITY_ITERATIONS ?? 10000)): Promise<string[]> {
  const every = Number(process.env.QUALITY_EVERY ?? 0);
  await nodeBackend('wasm');
  const rows = [
    '| data | seeds | iterations | modes captured (mean) | high-quality samples (mean) | > 10 std from every mode (mean) | wall time per seed | target |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const datasets = (process.env.QUALITY_DATA?.split(',') ?? ['ring-8', 'grid-25']) as ('ring-8' | 'grid-25')[];
  for (const data of datasets) {
    const runs: QualityRun[] = [];
    for (const seed of SEEDS) {
      const run = await qualityRun(
        qualityProject(data),
        seed,
        iterations,
        (r) => console.error(JSON.stringify({ data, progress: true, ...r })),
        every,
      );
      // Progress on stderr, so a long run shows where it is without spoiling the table.
      console.error(JSON.stringify({ data, ...run }));
      runs.push(run);
    }
    const mean = (f: (r: QualityRun) => number) => runs.reduce((a, r) => a + f(r), 0) / runs.length;
    const target = data === 'ring-8' ? '8/8, ≥ 95%' : '≥ 24/25, ≥ 90%';
    rows.push(
      `| ${data} | ${runs.length} | ${iterations} | ${mean((r) => r.modesCaptured).toFixed(1)} / ${runs[0]!.totalModes} | ${(100 * mean((r) => r.highQualityFraction)).toFixed(1)}% | ${(100 * mean((r) => r.distance[3])).toFixed(1)}% | ${mean((r) => r.seconds).toFixed(0)} s | ${target} |`,
    );
    const percents = (f: (r: QualityRun) => number) => runs.map((r) => (100 * f(r)).toFixed(1) + '%').join(', ');
    rows.push(
      `| | per seed | | ${runs.map((r) => r.modesCaptured).join(', ')} | ${percents((r) => r.highQualityFraction)} | ${percents((r) => r.distance[3])} | | |`,
    );
  }
  return rows;
}

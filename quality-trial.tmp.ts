import { nodeBackend } from './bench/node-backend';
import { qualityProject, qualityRun } from './bench/quality.bench';
(async () => {
  await nodeBackend('wasm');
  const data = (process.argv[2] ?? 'ring-8') as 'ring-8' | 'grid-25';
  const p = qualityProject(data);
  if (process.argv[3]) Object.assign(p.training, JSON.parse(process.argv[3]));
  console.log(JSON.stringify(p.training));
  await qualityRun(p, 1, Number(process.argv[4] ?? 6000), (r) => console.log(JSON.stringify(r)), 1000);
})();

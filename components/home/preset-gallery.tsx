import { analyzeProject } from '@/lib/compiler/context';
import { datasetInfo } from '@/lib/data/catalog';
import { PRESET_IDS, PRESETS } from '@/lib/project/presets';
import { GraphSummary } from './graph-summary';

/** Every preset with what the compiler makes of it: shapes, parameter counts, diagnostics. */
export function PresetGallery() {
  return (
    <section aria-labelledby="presets-title">
      <h2 id="presets-title">Presets</h2>
      <ul className="preset-grid">
        {PRESET_IDS.map((id) => {
          const preset = PRESETS[id];
          const analysis = analyzeProject(preset.project);
          const info = datasetInfo(preset.project.dataset);
          return (
            <li key={id} className="card" data-testid={`preset-${id}`}>
              <h3>{preset.title.en}</h3>
              <p className="zh" lang="zh">
                {preset.title.zh}
              </p>
              <p>{preset.summary.en}</p>
              <p className="meta">
                Data: {info.title.en} [{info.shape.join('×')}] · loss {preset.project.training.loss} · k = {preset.project.training.k}
              </p>
              <GraphSummary role="G" graph={preset.project.generator} analysis={analysis.generator} />
              <GraphSummary role="D" graph={preset.project.discriminator} analysis={analysis.discriminator} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

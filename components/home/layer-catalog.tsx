import { LAYERS } from '@/lib/compiler/layers';
import type { LayerCategory } from '@/lib/compiler/types';
import { LAYER_KINDS } from '@/lib/project/kinds';

const CATEGORIES: LayerCategory[] = ['Inputs', 'Core', 'Convolution', 'Normalization', 'Activation', 'Shape', 'Merge', 'Output'];

/** The layer registry as a reference: every kind with its English and Chinese description. */
export function LayerCatalog() {
  return (
    <section aria-labelledby="layers-title">
      <h2 id="layers-title">Layers</h2>
      <div className="catalog">
        {CATEGORIES.map((category) => (
          <div key={category} className="catalog-group">
            <h3>{category}</h3>
            <dl>
              {LAYER_KINDS.filter((k) => LAYERS[k].category === category).map((kind) => (
                <div key={kind}>
                  <dt>
                    {LAYERS[kind].title.en} <span lang="zh">{LAYERS[kind].title.zh}</span>
                  </dt>
                  <dd>{LAYERS[kind].doc.en}</dd>
                  <dd lang="zh" className="zh">
                    {LAYERS[kind].doc.zh}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}

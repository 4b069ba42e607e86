'use client';

import { useState } from 'react';
import { Inspector } from '../inspector/inspector';
import { TrainingPanel } from '../training/training-panel';

type Tab = 'inspector' | 'train';

/** The right column: the inspector, or the training dashboard (which keeps running when hidden). */
export function SidePanel() {
  const [tab, setTab] = useState<Tab>('inspector');
  return (
    <aside className={`side-panel tab-${tab}`} aria-label="Side panel">
      <div role="tablist" className="side-tabs">
        <button type="button" role="tab" aria-selected={tab === 'inspector'} data-testid="side-inspector" onClick={() => setTab('inspector')}>
          Inspector
        </button>
        <button type="button" role="tab" aria-selected={tab === 'train'} data-testid="side-train" onClick={() => setTab('train')}>
          Train
        </button>
      </div>
      <div className="side-body">{tab === 'inspector' ? <Inspector /> : <TrainingPanel />}</div>
    </aside>
  );
}

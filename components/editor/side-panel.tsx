'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useSettingControls } from '../exercise/use-setting-controls';
import { Inspector } from '../inspector/inspector';
import { TrainingPanel } from '../dashboard/training-panel';

type Tab = 'inspector' | 'train';

/** The right column: the inspector, or the training dashboard (which keeps running when hidden). */
export function SidePanel() {
  const t = useTranslations('sidePanel');
  const [tab, setTab] = useState<Tab>('inspector');
  const settings = useSettingControls();
  return (
    <aside className={`side-panel tab-${tab}`} aria-label={t('label')}>
      <div role="tablist" className="side-tabs">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'inspector'}
          data-testid="side-inspector"
          onClick={() => setTab('inspector')}
        >
          {t('inspector')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'train'} data-testid="side-train" onClick={() => setTab('train')}>
          {t('train')}
        </button>
      </div>
      <div className="side-body">{tab === 'inspector' ? <Inspector /> : <TrainingPanel settings={settings} />}</div>
    </aside>
  );
}

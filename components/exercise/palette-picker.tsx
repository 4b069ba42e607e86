'use client';

import { useTranslations } from 'use-intl';
import { LAYERS } from '@/lib/compiler/layers';
import { LAYER_KINDS, type LayerKind } from '@/lib/project/kinds';
import { useLocalized } from '../i18n/use-localized';
import styles from './exercise.module.css';

/** Which layers the student's palette offers, with all/none shortcuts. */
export function PalettePicker({ allowed, onChange }: { allowed: ReadonlySet<LayerKind>; onChange: (next: Set<LayerKind>) => void }) {
  const t = useTranslations('exercise');
  const text = useLocalized();
  const toggle = (kind: LayerKind, on: boolean) => {
    const next = new Set(allowed);
    if (on) next.add(kind);
    else next.delete(kind);
    onChange(next);
  };
  return (
    <div>
      <div className={styles.row}>
        <button type="button" className="btn small" data-testid="exercise-palette-all" onClick={() => onChange(new Set(LAYER_KINDS))}>
          {t('paletteAll')}
        </button>
        <button type="button" className="btn small" data-testid="exercise-palette-none" onClick={() => onChange(new Set())}>
          {t('paletteNone')}
        </button>
        <span className={styles.note}>{t('paletteCount', { count: allowed.size, total: LAYER_KINDS.length })}</span>
      </div>
      <div className={styles.kinds}>
        {LAYER_KINDS.map((kind) => (
          <label key={kind} className={styles.kind} style={{ borderLeftColor: `var(--cat-${LAYERS[kind].category.toLowerCase()})` }}>
            <input
              type="checkbox"
              data-testid={`exercise-palette-${kind}`}
              checked={allowed.has(kind)}
              onChange={(e) => toggle(kind, e.target.checked)}
            />
            {text(LAYERS[kind].title)}
          </label>
        ))}
      </div>
    </div>
  );
}

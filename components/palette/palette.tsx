'use client';

import { useId, useMemo, useState, type DragEvent } from 'react';
import { useTranslations } from 'use-intl';
import { LAYERS } from '@/lib/compiler/layers';
import type { LayerCategory } from '@/lib/compiler/types';
import { LAYER_KINDS, type LayerKind } from '@/lib/project/kinds';
import { useExercise } from '@/components/store/exercise';
import { useEditor, useEditorApi } from '@/components/store/editor';
import { PALETTE_MIME } from '../canvas/graph-canvas';
import { useCanvasRegistry } from '../canvas/canvas-registry';
import { useLocalized } from '../i18n/use-localized';

const CATEGORIES: LayerCategory[] = ['Inputs', 'Core', 'Convolution', 'Normalization', 'Activation', 'Shape', 'Merge', 'Output'];

/** Layers grouped by category, searchable; drag one onto a canvas, or press Enter to add it. */
export function Palette() {
  const t = useTranslations('palette');
  const text = useLocalized();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const store = useEditorApi();
  const registry = useCanvasRegistry();
  const activeRole = useEditor((s) => s.activeRole);
  // An exercise may offer only some layers, and may lock the graph (the palette then only informs).
  const offered = useExercise((s) => s.exercise?.palette ?? null);
  const graphLocked = useEditor((s) => s.locks.graph);
  const te = useTranslations('exercise');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    return CATEGORIES.map((category) => ({
      category,
      kinds: LAYER_KINDS.filter((k) => {
        const spec = LAYERS[k];
        if (spec.category !== category || (offered && !offered.includes(k))) return false;
        return (
          !q ||
          [k, spec.title.en, spec.title.zh, spec.doc.en, spec.doc.zh, category, t(`categories.${category}`)].some((s) =>
            s.toLowerCase().includes(q),
          )
        );
      }),
    })).filter((g) => g.kinds.length > 0);
  }, [query, t, offered]);

  const add = (kind: LayerKind) => {
    const centre = registry.get(activeRole)?.centre() ?? { x: 0, y: 0 };
    store.getState().addNode(activeRole, kind, { x: Math.round(centre.x), y: Math.round(centre.y) });
  };

  return (
    <aside className="palette" aria-label={t('label')}>
      <label htmlFor={searchId} className="visually-hidden">
        {t('search')}
      </label>
      <input
        id={searchId}
        className="palette-search"
        type="search"
        placeholder={t('searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="palette-hint">{graphLocked ? te('graphLockedHint') : t('hint', { role: activeRole })}</p>
      {offered && (
        <p className="palette-hint" data-testid="palette-limited">
          {te('paletteLimited')}
        </p>
      )}
      {groups.map(({ category, kinds }) => (
        <section key={category} className="palette-group">
          <h3>{t(`categories.${category}`)}</h3>
          <ul>
            {kinds.map((kind) => (
              <li key={kind}>
                <button
                  type="button"
                  className={`palette-item cat-${category.toLowerCase()}`}
                  draggable={!graphLocked}
                  disabled={graphLocked}
                  data-locked={graphLocked || undefined}
                  data-testid={`palette-${kind}`}
                  title={graphLocked ? te('lockedTitle') : text(LAYERS[kind].doc)}
                  onDragStart={(event: DragEvent) => {
                    event.dataTransfer.setData(PALETTE_MIME, kind);
                    event.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => add(kind)}
                >
                  {text(LAYERS[kind].title)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {groups.length === 0 && <p className="palette-empty">{offered?.length === 0 ? te('paletteEmpty') : t('empty', { query })}</p>}
    </aside>
  );
}

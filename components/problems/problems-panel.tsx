'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import { graphView } from '@/lib/store/analysis';
import { useEditor, useEditorApi } from '@/components/store/editor';
import type { Role } from '@/lib/project/kinds';
import { useLocalized } from '../i18n/use-localized';

const ROLES: Role[] = ['generator', 'discriminator'];

/** Every diagnostic of both networks; clicking one focuses its node. */
export function ProblemsPanel() {
  const t = useTranslations('problems');
  const text = useLocalized();
  const store = useEditorApi();
  const project = useEditor((s) => s.project);
  const items = useMemo(
    () =>
      ROLES.flatMap((role) => graphView(project, role).diagnostics.map((d, i) => ({ ...d, role, key: `${role}-${i}` }))).sort((a, b) =>
        a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
      ),
    [project],
  );
  const errors = items.filter((d) => d.severity === 'error').length;
  return (
    <section className="problems" aria-label={t('title')} data-testid="problems">
      <h2>
        {t('title')}{' '}
        <span className={errors ? 'count-bad' : items.length ? 'count-warn' : 'count-good'}>
          {items.length ? t('summary', { errors, warnings: items.length - errors }) : t('none')}
        </span>
      </h2>
      <ul>
        {items.map((d) => (
          <li key={d.key} className={`issue-${d.severity}`}>
            <button
              type="button"
              disabled={!d.nodeId}
              onClick={() => d.nodeId && store.getState().focusNode(d.role, d.nodeId)}
              data-testid="problem"
            >
              <span className="problem-where">
                {d.role === 'generator' ? 'G' : 'D'}
                {d.nodeId ? ` · ${d.nodeId}` : ''}
              </span>
              <span className="problem-message">{text(d)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

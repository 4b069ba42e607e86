'use client';

import { useMemo } from 'react';
import { graphView } from '@/lib/store/analysis';
import { useEditor, useEditorApi } from '@/lib/store/provider';
import type { Role } from '@/lib/project/kinds';

const ROLES: Role[] = ['generator', 'discriminator'];

/** Every diagnostic of both networks; clicking one focuses its node. */
export function ProblemsPanel() {
  const store = useEditorApi();
  const project = useEditor((s) => s.project);
  const items = useMemo(
    () =>
      ROLES.flatMap((role) =>
        graphView(project, role).diagnostics.map((d, i) => ({ ...d, role, key: `${role}-${i}` })),
      ).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
    [project],
  );
  const errors = items.filter((d) => d.severity === 'error').length;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <h2>
        Problems <span className={errors ? 'count-bad' : items.length ? 'count-warn' : 'count-good'}>{items.length ? `${plural(errors, 'error')}, ${plural(items.length - errors, 'warning')}` : 'none: both networks compile'}</span>
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
              <span className="problem-message">{d.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

'use client';

import { useId } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { paramFields } from '@/lib/compiler/form';
import { LAYERS } from '@/lib/compiler/layers';
import type { Role } from '@/lib/project/kinds';
import { nodeDiagnostics } from '@/lib/store/analysis';
import { useGraphView, useSelectedNode } from '@/components/store/graph-hooks';
import { useEditor, useEditorApi } from '@/components/store/editor';
import { formatCount, formatShape } from '../canvas/format';
import { useLocalized } from '../i18n/use-localized';
import { ParamField } from './param-field';
import { useParamLabel } from './use-param-label';

/** Edits the selected layer: label and params (a form generated from its schema), with its problems. */
export function Inspector() {
  const role = useEditor((s) => s.activeRole);
  return (
    <div className="inspector">
      <NodeInspector role={role} />
    </div>
  );
}

function NodeInspector({ role }: { role: Role }) {
  const t = useTranslations('inspector');
  const locale = useLocale();
  const paramLabel = useParamLabel();
  const finding = useLocalized();
  const store = useEditorApi();
  const node = useSelectedNode(role);
  const view = useGraphView(role);
  const labelId = useId();
  const te = useTranslations('exercise');
  const locked = useEditor((s) => s.locks.params);
  const lockedTitle = locked ? te('lockedTitle') : undefined;
  if (!node) {
    return (
      <div className="inspector-empty">
        <h2>{t('title')}</h2>
        <p>{t('empty', { role })}</p>
        <p className="muted">{t('shortcuts')}</p>
      </div>
    );
  }
  const spec = LAYERS[node.kind];
  const fields = paramFields(node.kind);
  const params = { ...Object.fromEntries(fields.map((f) => [f.name, f.defaultValue])), ...node.params };
  const shape = view.shapes[node.id];
  const diagnostics = nodeDiagnostics(view, node.id);
  return (
    <div className="inspector-node" data-testid="inspector" key={`${role}:${node.id}`}>
      <h2>
        {spec.title[locale]} <span className="muted">{node.id}</span>
      </h2>
      <p className="doc">{spec.doc[locale]}</p>
      {/* The other language's doc too: a class reading both learns the terms in both. */}
      <p className="doc other" lang={locale === 'zh' ? 'en' : 'zh-CN'}>
        {spec.doc[locale === 'zh' ? 'en' : 'zh']}
      </p>
      <dl className="inspector-facts">
        <dt>{t('output')}</dt>
        <dd data-testid="inspector-shape">{shape ? formatShape(shape) : t('unknown')}</dd>
        <dt>{t('parameters')}</dt>
        <dd>{formatCount(view.params[node.id] ?? 0)}</dd>
      </dl>
      {locked && (
        <p className="inspector-locked" data-testid="params-locked">
          {te('paramsLocked')}
        </p>
      )}
      <div className="param-field" title={lockedTitle}>
        <label htmlFor={labelId}>{t('label')}</label>
        <input
          id={labelId}
          type="text"
          disabled={locked}
          maxLength={200}
          value={node.label ?? ''}
          placeholder={node.id}
          data-testid="param-label"
          onChange={(e) => store.getState().setLabel(role, node.id, e.target.value)}
        />
      </div>
      {fields.map((field) => (
        <ParamField
          key={field.name}
          kind={node.kind}
          field={field}
          label={paramLabel(field)}
          value={params[field.name]}
          disabled={locked}
          title={lockedTitle}
          onCommit={(value) => store.getState().updateParams(role, node.id, { [field.name]: value })}
        />
      ))}
      {diagnostics.length > 0 && (
        <ul className="inspector-issues">
          {diagnostics.map((d, i) => (
            <li key={i} className={`issue-${d.severity}`} data-testid="inspector-issue">
              {finding(d)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslations } from 'use-intl';
import { paramSummary } from '@/lib/compiler/form';
import { LAYERS } from '@/lib/compiler/layers';
import type { Role } from '@/lib/project/kinds';
import { useGraphNode, useNodeFacts } from '@/components/store/graph-hooks';
import { useNodeHighlighted } from '@/components/store/slow-motion';
import { useLocalized } from '../i18n/use-localized';
import { formatCount } from './format';
import slowmo from './slow-motion.module.css';

export type LayerNodeData = { role: Role };

/** A layer on the canvas: kind, label, key params, output shape, parameter count and problems. */
function LayerNodeView({ id, data, selected }: NodeProps & { data: LayerNodeData }) {
  const t = useTranslations('canvas');
  const text = useLocalized();
  const node = useGraphNode(data.role, id);
  const { shape, params, status, issues } = useNodeFacts(data.role, id);
  const highlighted = useNodeHighlighted(data.role, id);
  if (!node) return null;
  const spec = LAYERS[node.kind];
  const summary = text(paramSummary(node.kind, node.params));
  return (
    <div
      className={`layer-node cat-${spec.category.toLowerCase()} status-${status}${selected ? ' is-selected' : ''}${highlighted ? ` ${slowmo.node} ${slowmo[data.role]}` : ''}`}
      data-testid={`node-${id}`}
      data-slowmo={highlighted ? 'highlighted' : undefined}
      data-kind={node.kind}
      data-status={status}
      aria-label={`${text(spec.title)} ${node.label ?? id}`}
    >
      {spec.arity !== 'source' && <Handle type="target" position={Position.Top} id="in" />}
      <div className="layer-node-head">
        <span className="layer-node-kind">{text(spec.title)}</span>
        <span className="layer-node-label">{node.label ?? id}</span>
      </div>
      {summary && <div className="layer-node-summary">{summary}</div>}
      <div className="layer-node-foot">
        <span className="layer-node-shape" data-testid="shape">
          {shape ?? '?'}
        </span>
        {params ? <span className="layer-node-params">{t('nodeParams', { count: formatCount(params) })}</span> : null}
      </div>
      {issues.length > 0 && (
        <div className="layer-node-issues" role="tooltip">
          {issues.map((d, i) => (
            <p key={i} className={`issue-${d.severity}`}>
              {text(d)}
            </p>
          ))}
        </div>
      )}
      {node.kind !== 'output' && <Handle type="source" position={Position.Bottom} id="out" />}
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);

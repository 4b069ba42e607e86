'use client';

import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Role } from '@/lib/project/kinds';
import { graphView } from '@/lib/store/analysis';
import { useEditor } from '@/components/store/editor';

export type ShapeEdgeData = { role: Role };

/**
 * An edge labelled with the shape that flows along it. The label and the problem flag come from
 * the store, so a param edit updates labels without handing React Flow a new edge array.
 */
function ShapeEdgeView({
  id,
  source,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  selected,
}: EdgeProps<Edge<ShapeEdgeData>>) {
  const role = data?.role ?? 'generator';
  const label = useEditor((s) => graphView(s.project, role).shapeText[source]);
  const problem = useEditor((s) => Boolean(graphView(s.project, role).byEdge[id]));
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} className={`${problem ? 'edge-problem' : ''}${selected ? ' edge-selected' : ''}`} />
      {label && (
        <EdgeLabelRenderer>
          <div
            className="edge-label"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);

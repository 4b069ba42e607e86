'use client';

import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useRef, type DragEvent } from 'react';
import { useTranslations } from 'use-intl';
import { checkConnection } from '@/lib/compiler/connect';
import { layerSpec } from '@/lib/compiler/layers';
import type { LayerKind, Role } from '@/lib/project/kinds';
import { NODE_SIZE } from '@/lib/project/layout';
import type { Position } from '@/lib/store/editor-store';
import { graphView } from '@/lib/store/analysis';
import { useEditor, useEditorApi } from '@/components/store/editor';
import { useCanvasMark } from '@/components/store/slow-motion';
import { useLocalized } from '../i18n/use-localized';
import { useCanvasRegistry } from './canvas-registry';
import { LayerNode, type LayerNodeData } from './layer-node';
import { ShapeEdge, type ShapeEdgeData } from './shape-edge';
import slowmo from './slow-motion.module.css';
import { useFlowEdges, useFlowNodes } from './use-flow-elements';

export const PALETTE_MIME = 'application/x-ganvas-kind';
const nodeTypes = { layer: LayerNode };
const edgeTypes = { shape: ShapeEdge };
const NO_DRAG = null;

/** One network's editable canvas. */
export function GraphCanvas({ role }: { role: Role }) {
  return (
    <ReactFlowProvider>
      <Canvas role={role} />
    </ReactFlowProvider>
  );
}

function Canvas({ role }: { role: Role }) {
  const tn = useTranslations('notices');
  const text = useLocalized();
  const store = useEditorApi();
  const graph = useEditor((s) => s.project[role]);
  const selection = useEditor((s) => s.selection[role]);
  const drag = useEditor((s) => (s.drag?.role === role ? s.drag.positions : NO_DRAG));
  const measured = useEditor((s) => s.measured[role]);
  const focus = useEditor((s) => s.focus);
  const loaded = useEditor((s) => s.loaded);
  const nodes = useFlowNodes(role, graph.nodes, selection.nodes, drag, measured);
  const edges = useFlowEdges(role, graph.edges, selection.edges);
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const registry = useCanvasRegistry();
  const mark = useCanvasMark(role);

  useEffect(() => {
    registry.set(role, {
      centre: () => {
        const rect = wrapper.current?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        const p = flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
        return { x: p.x - NODE_SIZE.width / 2, y: p.y - NODE_SIZE.height / 2 };
      },
    });
    return () => {
      registry.delete(role);
    };
  }, [registry, role, flow]);

  useEffect(() => {
    if (focus?.role !== role) return;
    const frame = requestAnimationFrame(
      () => void flow.fitView({ nodes: [{ id: focus.nodeId }], duration: 250, maxZoom: 1.25, padding: 0.6 }),
    );
    return () => cancelAnimationFrame(frame);
  }, [focus, role, flow]);

  // A newly loaded project gets the whole graph in view once its nodes have been measured.
  useEffect(() => {
    if (loaded === 0) return;
    const timer = setTimeout(() => void flow.fitView({ padding: 0.2, maxZoom: 1 }), 80);
    return () => clearTimeout(timer);
  }, [loaded, flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const state = store.getState();
      const moved: Record<string, Position> = {};
      const sizes: Record<string, { width: number; height: number }> = {};
      let chosen: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'position' && c.position && c.dragging) moved[c.id] = c.position;
        else if (c.type === 'dimensions' && c.dimensions) sizes[c.id] = c.dimensions;
        else if (c.type === 'select') {
          chosen ??= new Set(state.selection[role].nodes);
          if (c.selected) chosen.add(c.id);
          else chosen.delete(c.id);
        }
      }
      if (Object.keys(moved).length) state.dragNodes(role, moved);
      if (Object.keys(sizes).length) state.setMeasured(role, sizes);
      if (chosen) state.setSelection(role, { nodes: [...chosen], edges: store.getState().selection[role].edges });
    },
    [store, role],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      let chosen: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        chosen ??= new Set(state.selection[role].edges);
        if (c.selected) chosen.add(c.id);
        else chosen.delete(c.id);
      }
      if (chosen) state.setSelection(role, { nodes: store.getState().selection[role].nodes, edges: [...chosen] });
    },
    [store, role],
  );

  const onConnect = useCallback(
    (conn: Connection) => {
      const result = store.getState().connect(role, conn);
      if (!result.ok) store.getState().notify({ tone: 'error', title: tn('connectionRefused'), details: [text(result.reason)] });
    },
    [store, role, tn, text],
  );

  const isValidConnection = useCallback(
    (conn: Edge | Connection) => checkConnection(store.getState().project[role], conn).ok,
    [store, role],
  );

  // A drop on a handle that isValidConnection refused: say why, instead of silently doing nothing.
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode) return;
      const [source, target] =
        state.fromHandle?.type === 'target' ? [state.toNode.id, state.fromNode.id] : [state.fromNode.id, state.toNode.id];
      const check = checkConnection(store.getState().project[role], { source, target });
      if (!check.ok) store.getState().notify({ tone: 'error', title: tn('connectionRefused'), details: [text(check.reason)] });
    },
    [store, role, tn, text],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!layerSpec(kind)) return;
      event.preventDefault();
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().addNode(role, kind as LayerKind, { x: Math.round(p.x - NODE_SIZE.width / 2), y: Math.round(p.y - 20) });
    },
    [flow, store, role],
  );

  return (
    <div
      className={mark ? `graph-canvas ${slowmo[mark]} ${slowmo[role]}` : 'graph-canvas'}
      ref={wrapper}
      data-testid={`canvas-${role}`}
      data-slowmo={mark ?? undefined}
      onPointerDownCapture={() => store.getState().setActiveRole(role)}
      onFocusCapture={() => store.getState().setActiveRole(role)}
    >
      <FlowSurface
        role={role}
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDragOver={onDragOver}
        onDrop={onDrop}
      />
    </div>
  );
}

/** "Generator G · 2 errors": subscribes to counts only, so edits elsewhere do not re-render the canvas. */
function CanvasStatus({ role }: { role: Role }) {
  const t = useTranslations('canvas');
  const tr = useTranslations('roles');
  const errors = useEditor((s) => graphView(s.project, role).errors);
  const warnings = useEditor((s) => graphView(s.project, role).warnings);
  const mark = useCanvasMark(role);
  return (
    <>
      {tr('tab', { role })}
      {mark && (
        <em
          className={`${slowmo.badge} ${mark === 'training' ? slowmo.badgeTraining : slowmo.badgeFrozen} ${slowmo[role]}`}
          data-testid={`slowmo-badge-${role}`}
        >
          {t(mark === 'training' ? 'slowmoTraining' : 'slowmoFrozen')}
        </em>
      )}
      <span className={errors ? 'count-bad' : warnings ? 'count-warn' : 'count-good'}>
        {errors ? t('errors', { count: errors }) : warnings ? t('warnings', { count: warnings }) : t('ready')}
      </span>
    </>
  );
}

const MULTI_SELECT_KEYS = ['Meta', 'Control'];
const FIT_VIEW = { padding: 0.2, maxZoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { width: 120, height: 80 };

type SurfaceProps = {
  role: Role;
  nodes: Node<LayerNodeData>[];
  edges: Edge<ShapeEdgeData>[];
  onNodesChange: (changes: NodeChange[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (conn: Connection) => void;
  onConnectEnd: (event: MouseEvent | TouchEvent, state: FinalConnectionState) => void;
  isValidConnection: (conn: Edge | Connection) => boolean;
  onDragOver: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
};

/**
 * The React Flow view itself, memoised: when an edit leaves the node and edge arrays as they
 * were (a param change), React Flow is not re-rendered at all.
 */
const FlowSurface = memo(function FlowSurface({
  role,
  nodes,
  edges,
  onNodesChange,
  onEdgesChange,
  onConnect,
  onConnectEnd,
  isValidConnection,
  onDragOver,
  onDrop,
}: SurfaceProps) {
  const t = useTranslations('canvas');
  const te = useTranslations('exercise');
  const store = useEditorApi();
  const flow = useReactFlow();
  const endDrag = useCallback(() => store.getState().endDrag(), [store]);
  // An exercise that locks the graph: nothing moves or connects (the store refuses such edits
  // too). Nodes stay selectable, so the inspector can still show them and any unlocked params.
  const locked = useEditor((s) => s.locks.graph);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      onNodeDragStop={endDrag}
      onSelectionDragStop={endDrag}
      onDragOver={onDragOver}
      onDrop={onDrop}
      nodesDraggable={!locked}
      nodesConnectable={!locked}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      fitView
      fitViewOptions={FIT_VIEW}
      minZoom={0.1}
      maxZoom={2}
      proOptions={PRO_OPTIONS}
    >
      <Background gap={20} size={1} />
      <MiniMap pannable zoomable ariaLabel={t('minimap', { role })} style={MINIMAP_STYLE} nodeStrokeWidth={3} />
      <Controls showInteractive={false} />
      <Panel position="top-left" className="canvas-title">
        <CanvasStatus role={role} />
      </Panel>
      <Panel position="top-right">
        {locked ? (
          <span className="canvas-locked" title={te('lockedTitle')} data-testid={`graph-locked-${role}`}>
            {te('graphLocked')}
          </span>
        ) : (
          <button
            type="button"
            className="btn small"
            onClick={() => {
              store.getState().autoLayout(role);
              requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 }));
            }}
            data-testid={`layout-${role}`}
          >
            {t('autoLayout')}
          </button>
        )}
      </Panel>
    </ReactFlow>
  );
});

import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import { checkConnection, type ConnectionCheck, type ConnectionRequest } from '../compiler/connect';
import { defaultParams } from '../compiler/form';
import { bi } from '../i18n/bi';
import type { LayerKind, Role } from '../project/kinds';
import * as ops from '../project/graph-ops';
import { autoLayout } from '../project/layout';
import type { DatasetRef, GanProject, Graph, ParamValue } from '../project/schema';
import { patchTraining, withNoiseDim, type TrainingPatch, type TrainingPatchResult } from '../project/training-settings';

export type Position = ops.Position;
export type LayoutMode = 'tabs' | 'split';
export interface Selection {
  nodes: string[];
  edges: string[];
}
export interface Notice {
  id: number;
  tone: 'info' | 'error';
  title: string;
  details?: string[];
}

/** Edits an exercise forbids. The store refuses them, whichever control or shortcut asks. */
export interface EditLocks {
  /** No adding, deleting, connecting, pasting or moving nodes. */
  graph: boolean;
  /** No changing layer params or labels. */
  params: boolean;
  /** The layer kinds that may be added; null = all. */
  kinds: readonly LayerKind[] | null;
}
export const NO_LOCKS: EditLocks = { graph: false, params: false, kinds: null };

export interface EditorState {
  /** The document: the only part that undo/redo and autosave see. */
  project: GanProject;
  selection: Record<Role, Selection>;
  /** Positions of nodes being dragged, committed to the project on drop as one undo step. */
  drag: { role: Role; positions: Record<string, Position> } | null;
  /** Sizes React Flow measured, kept so controlled nodes stay visible. */
  measured: Record<Role, Record<string, { width: number; height: number }>>;
  layout: LayoutMode;
  activeRole: Role;
  notice: Notice | null;
  focus: { role: Role; nodeId: string; nonce: number } | null;
  clipboard: Graph | null;
  /** Bumped whenever a whole project is loaded, so canvases refit their view. */
  loaded: number;
  locks: EditLocks;

  loadProject(project: GanProject): void;
  rename(name: string): void;
  setDataset(dataset: DatasetRef): void;
  /**
   * Changes training settings as one undo step when the result passes the schema; otherwise
   * changes nothing and says why. A new noise dim also resizes the generator's Noise nodes.
   */
  setTraining(patch: TrainingPatch): TrainingPatchResult;
  addNode(role: Role, kind: LayerKind, position: Position): string;
  connect(role: Role, conn: ConnectionRequest): ConnectionCheck;
  updateParams(role: Role, nodeId: string, params: Record<string, ParamValue>): void;
  setLabel(role: Role, nodeId: string, label: string): void;
  deleteElements(role: Role, nodeIds: string[], edgeIds: string[]): void;
  deleteSelection(role: Role): void;
  setSelection(role: Role, selection: Selection): void;
  selectAll(role: Role): void;
  dragNodes(role: Role, positions: Record<string, Position>): void;
  endDrag(): void;
  setMeasured(role: Role, sizes: Record<string, { width: number; height: number }>): void;
  copy(role: Role): void;
  paste(role: Role): void;
  duplicate(role: Role): void;
  autoLayout(role: Role): void;
  setLayout(layout: LayoutMode): void;
  setActiveRole(role: Role): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismissNotice(): void;
  focusNode(role: Role, nodeId: string): void;
  setLocks(locks: EditLocks): void;
}

const EMPTY: Selection = { nodes: [], edges: [] };
let noticeCounter = 0;

/** One store per editor page, made by the provider; undo history covers `project` only. */
export function createEditorStore(initial: GanProject, prefs: { layout?: LayoutMode } = {}) {
  return createStore<EditorState>()(
    temporal(
      (set, get) => {
        // The one gate for graph edits: a locked graph (or locked params) leaves the project as it is.
        // Returns whether the edit was allowed.
        const editGraph = (role: Role, edit: (graph: Graph) => Graph, what: 'graph' | 'params' = 'graph'): boolean => {
          if (get().locks[what]) return false;
          set((s) => {
            const next = edit(s.project[role]);
            return next === s.project[role] ? {} : { project: { ...s.project, [role]: next } };
          });
          return true;
        };
        const mayAdd = (kinds: Iterable<LayerKind>) => {
          const { graph, kinds: allowed } = get().locks;
          return !graph && (allowed === null || [...kinds].every((k) => allowed.includes(k)));
        };
        const select = (role: Role, selection: Selection) => set((s) => ({ selection: { ...s.selection, [role]: selection } }));

        return {
          project: initial,
          selection: { generator: EMPTY, discriminator: EMPTY },
          drag: null,
          measured: { generator: {}, discriminator: {} },
          layout: prefs.layout ?? 'split',
          activeRole: 'generator',
          notice: null,
          focus: null,
          clipboard: null,
          loaded: 0,
          locks: NO_LOCKS,

          loadProject: (project) =>
            set((s) => ({ project, selection: { generator: EMPTY, discriminator: EMPTY }, drag: null, loaded: s.loaded + 1 })),
          rename: (name) => set((s) => (s.project.name === name ? {} : { project: { ...s.project, name } })),
          setDataset: (dataset) => set((s) => ({ project: { ...s.project, dataset } })),
          setTraining: (patch) => {
            const { project } = get();
            const result = patchTraining(project.training, patch);
            if (result.ok && result.training !== project.training) {
              const dim = result.training.noise.dim;
              const generator = dim === project.training.noise.dim ? project.generator : withNoiseDim(project.generator, dim);
              set({ project: { ...project, training: result.training, generator } });
            }
            return result;
          },

          addNode: (role, kind, position) => {
            if (!mayAdd([kind])) return '';
            let id = '';
            editGraph(role, (graph) => {
              const added = ops.addNode(graph, { kind, params: defaultParams(kind) as Record<string, ParamValue>, position });
              id = added.id;
              return added.graph;
            });
            select(role, { nodes: [id], edges: [] });
            set({ activeRole: role });
            return id;
          },

          connect: (role, conn) => {
            if (get().locks.graph)
              return {
                ok: false,
                reason: bi('This exercise locks the graph: connections cannot be changed.', '这个练习锁定了图：不能更改连接。'),
              };
            const check = checkConnection(get().project[role], conn);
            if (check.ok) {
              editGraph(
                role,
                (graph) =>
                  ops.addEdge(graph, { source: conn.source, target: conn.target, sourceHandle: 'out', targetHandle: 'in' }, check.replace)
                    .graph,
              );
            }
            return check;
          },

          updateParams: (role, nodeId, params) =>
            editGraph(
              role,
              (graph) => {
                const node = graph.nodes.find((n) => n.id === nodeId);
                return node ? ops.updateNode(graph, nodeId, { params: { ...node.params, ...params } }) : graph;
              },
              'params',
            ),
          setLabel: (role, nodeId, label) => editGraph(role, (graph) => ops.updateNode(graph, nodeId, { label }), 'params'),

          deleteElements: (role, nodeIds, edgeIds) => {
            if (!nodeIds.length && !edgeIds.length) return;
            if (editGraph(role, (graph) => ops.removeElements(graph, nodeIds, edgeIds))) select(role, EMPTY);
          },
          deleteSelection: (role) => {
            const { nodes, edges } = get().selection[role];
            get().deleteElements(role, nodes, edges);
          },
          setSelection: (role, selection) => {
            const current = get().selection[role];
            if (sameIds(current.nodes, selection.nodes) && sameIds(current.edges, selection.edges)) return;
            select(role, selection);
          },
          selectAll: (role) => {
            const graph = get().project[role];
            select(role, { nodes: graph.nodes.map((n) => n.id), edges: graph.edges.map((e) => e.id) });
          },

          dragNodes: (role, positions) =>
            set((s) => ({ drag: { role, positions: { ...(s.drag?.role === role ? s.drag.positions : {}), ...positions } } })),
          endDrag: () => {
            const drag = get().drag;
            if (!drag) return;
            if (get().locks.graph) return set({ drag: null });
            set((s) => ({ drag: null, project: { ...s.project, [drag.role]: ops.moveNodes(s.project[drag.role], drag.positions) } }));
          },
          setMeasured: (role, sizes) => set((s) => ({ measured: { ...s.measured, [role]: { ...s.measured[role], ...sizes } } })),

          copy: (role) => {
            const { nodes } = get().selection[role];
            if (nodes.length) set({ clipboard: ops.extractSubgraph(get().project[role], nodes) });
          },
          paste: (role) => {
            const clip = get().clipboard;
            if (!clip?.nodes.length || !mayAdd(clip.nodes.map((n) => n.kind))) return;
            let ids: string[] = [];
            editGraph(role, (graph) => {
              const pasted = ops.pasteSubgraph(graph, clip, { x: 40, y: 40 });
              ids = pasted.nodeIds;
              return pasted.graph;
            });
            // Pasting again lands one step further along, not on top of this copy.
            set({
              clipboard: { ...clip, nodes: clip.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: n.position.y + 40 } })) },
            });
            select(role, { nodes: ids, edges: [] });
          },
          duplicate: (role) => {
            const { nodes } = get().selection[role];
            if (!nodes.length) return;
            const clip = ops.extractSubgraph(get().project[role], nodes);
            if (!mayAdd(clip.nodes.map((n) => n.kind))) return;
            let ids: string[] = [];
            editGraph(role, (graph) => {
              const pasted = ops.pasteSubgraph(graph, clip, { x: 40, y: 40 });
              ids = pasted.nodeIds;
              return pasted.graph;
            });
            select(role, { nodes: ids, edges: [] });
          },
          autoLayout: (role) => editGraph(role, (graph) => autoLayout(graph)),

          setLayout: (layout) => set({ layout }),
          setActiveRole: (role) => set((s) => (s.activeRole === role ? {} : { activeRole: role })),
          notify: (notice) => set({ notice: { ...notice, id: ++noticeCounter } }),
          dismissNotice: () => set({ notice: null }),
          setLocks: (locks) => set({ locks }),
          focusNode: (role, nodeId) => {
            select(role, { nodes: [nodeId], edges: [] });
            set({ activeRole: role, focus: { role, nodeId, nonce: ++noticeCounter } });
          },
        };
      },
      {
        partialize: (s) => ({ project: s.project }),
        equality: (a, b) => a.project === b.project,
        limit: 500,
      },
    ),
  );
}

export type EditorStore = ReturnType<typeof createEditorStore>;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

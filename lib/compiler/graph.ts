/** Pure graph helpers over adjacency lists keyed by node id. */

/**
 * Kahn's algorithm. Returns the nodes in an order where every node follows its inputs, and the
 * nodes left over because they sit on (or behind) a cycle.
 */
export function topoSort(ids: readonly string[], inputsOf: ReadonlyMap<string, readonly string[]>): { order: string[]; cyclic: string[] } {
  const indegree = new Map<string, number>();
  const consumers = new Map<string, string[]>();
  for (const id of ids) {
    indegree.set(id, 0);
    consumers.set(id, []);
  }
  for (const id of ids) {
    for (const src of inputsOf.get(id) ?? []) {
      indegree.set(id, (indegree.get(id) ?? 0) + 1);
      consumers.get(src)?.push(id);
    }
  }
  const queue = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    order.push(id);
    for (const next of consumers.get(id) ?? []) {
      const left = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  const placed = new Set(order);
  return { order, cyclic: ids.filter((id) => !placed.has(id)) };
}

/** Nodes on a cycle proper (not merely downstream of one): those that can reach themselves. */
export function nodesOnCycles(candidates: readonly string[], inputsOf: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components over the candidates, iteratively.
  const inSet = new Set(candidates);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  for (const root of candidates) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const succ = (inputsOf.get(frame.id) ?? []).filter((s) => inSet.has(s));
      if (frame.next < succ.length) {
        const s = succ[frame.next++]!;
        if (!index.has(s)) {
          index.set(s, counter);
          low.set(s, counter++);
          stack.push(s);
          onStack.add(s);
          work.push({ id: s, next: 0 });
        } else if (onStack.has(s)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(s)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = (inputsOf.get(frame.id) ?? []).includes(frame.id);
        if (component.length > 1 || selfLoop) components.push(component.reverse());
      }
    }
  }
  return components;
}

/** Every node from which one of `targets` can be reached, targets included. */
export function ancestors(targets: readonly string[], inputsOf: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>(targets);
  const stack = [...targets];
  while (stack.length) {
    const id = stack.pop()!;
    for (const src of inputsOf.get(id) ?? []) {
      if (!seen.has(src)) {
        seen.add(src);
        stack.push(src);
      }
    }
  }
  return seen;
}

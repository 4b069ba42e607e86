/** Reading Chromium traces: main-thread busy time per rendered frame. */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { type?: string } };
}

/**
 * For each frame the renderer produced while handling input, the main-thread time spent in tasks since the previous
 * frame ended (input handling, React, style, layout, paint): the frame's cost, independent of
 * vsync waits.
 */
export function frameCosts(traceJson: string, inputType = 'mousemove'): number[] {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The page's renderer is the one that handled the input.
  const busiest = mains
    .map((m) => ({ m, n: events.filter((e) => e.tid === m.tid && e.name === 'EventDispatch' && e.args?.data?.type === inputType).length }))
    .sort((a, b) => b.n - a.n)[0];
  if (!busiest || busiest.n === 0) return [];
  const tid = busiest.m.tid;
  const inputs = events.filter((e) => e.tid === tid && e.name === 'EventDispatch' && e.args?.data?.type === inputType).map((e) => e.ts);
  const start = Math.min(...inputs);
  const end = Math.max(...inputs);
  const frameEnds = events
    .filter((e) => e.tid === tid && e.name === 'AnimationFrame::Render' && e.ph === 'e' && e.ts >= start)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const tasks = events.filter((e) => e.tid === tid && e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.dur !== undefined);
  const costs: number[] = [];
  let from = start;
  for (const to of frameEnds) {
    if (from > end) break;
    // Only frames that handled a drag step count; idle frames would flatter the median.
    if (!inputs.some((t) => t >= from && t < to)) {
      from = to;
      continue;
    }
    let busy = 0;
    for (const t of tasks) {
      const s = Math.max(t.ts, from);
      const f = Math.min(t.ts + t.dur!, to);
      if (f > s) busy += f - s;
    }
    costs.push(busy / 1000);
    from = to;
  }
  return costs;
}

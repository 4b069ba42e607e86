import type { Diagnostic } from './types';

/** Thrown by `compile` and the exporters when `analyze` finds errors; carries them for the UI. Free of tfjs. */
export class CompileError extends Error {
  readonly diagnostics: Diagnostic[];
  /** The message in Chinese (the training worker sends it to the page with the error). */
  readonly zh: string;
  constructor(diagnostics: Diagnostic[]) {
    const n = diagnostics.length;
    super(`The ${n === 1 ? 'graph has an error' : `graph has ${n} errors`}: ${diagnostics[0]?.en ?? 'unknown problem'}`);
    this.name = 'CompileError';
    this.diagnostics = diagnostics;
    this.zh = `${n === 1 ? '图中有一个错误' : `图中有 ${n} 个错误`}：${diagnostics[0]?.zh ?? '未知问题'}`;
  }
}

import type { Diagnostic } from './types';

/** Thrown by `compile` and the exporters when `analyze` finds errors; carries them for the UI. Free of tfjs. */
export class CompileError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const first = diagnostics[0]?.message ?? 'unknown problem';
    super(`The ${diagnostics.length === 1 ? 'graph has an error' : `graph has ${diagnostics.length} errors`}: ${first}`);
    this.name = 'CompileError';
    this.diagnostics = diagnostics;
  }
}

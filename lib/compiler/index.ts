/**
 * The graph compiler: `analyze` (shapes, parameter counts, diagnostics; no tensors) and
 * `compile` (a tfjs LayersModel). Import `./analyze` directly where tfjs must not load.
 */
export { analyze } from './analyze';
export { compile, CompileError } from './compile';
export { analyzeProject, contextFor } from './context';
export { LAYERS, layerSpec } from './layers';
export type { Analysis, AnalyzeContext, Diagnostic, DiagnosticCode, LayerSpec, Shape } from './types';

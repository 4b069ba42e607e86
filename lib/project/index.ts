/** The GAN project document: schema, parsing, migrations and presets. Pure; no UI. */
export * from './kinds';
export * from './schema';
export { parseProject, parseProjectText, serializeProject, MAX_PROJECT_BYTES, type ParseError, type ParseResult } from './parse';
export { migrate, migrations, type Migration } from './migrations';
export { PRESETS, PRESET_IDS, presetProject, type Preset, type PresetId } from './presets';
export { newProject } from './new-project';

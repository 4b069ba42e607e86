export const TEMPLATE_DIR: string;
export const GENERATED_FILE: string;
/** A template's regions in file order, or null when it has none. */
export function parseRegions(text: string, comment: string, where: string): Map<string, string> | null;
/** The text of lib/export/templates.generated.ts for the templates under `root`. */
export function renderTemplates(root: string): string;

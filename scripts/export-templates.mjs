#!/usr/bin/env node
// Writes lib/export/templates.generated.ts from the template files in lib/export/templates: the
// static code of the PyTorch and TypeScript exports, kept as real .py and .ts files so that
// py_compile, tsc and ESLint see it. The exporters import the generated string constants, which
// works alike in Next.js, Vitest and tsx (no `?raw` import, no loader).
//
// One constant per file, named by its path under pytorch/, notebook/ or typescript/ and its language:
// pytorch/helpers.py -> HELPERS_PY, typescript/losses/hinge.ts -> LOSSES_HINGE_TS. A file without
// regions is exported whole. A file with regions exports an object of them, and only them: a
// region runs from a line `# region name` (Python) or `// region name` (TypeScript), indented or
// not, to the next `# endregion` / `// endregion`, both marker lines left out; the text is the lines
// between, joined by "\n". Lines outside regions (imports, declarations of what the exporter
// generates) are there for the tools only. There are no placeholders: the exporter joins the
// constants with the lines it generates.
//
//   npm run export-templates            rewrites the generated module
//   node scripts/export-templates.mjs --check   fails when it is out of date
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The template folder and the generated module, relative to the repository root. */
export const TEMPLATE_DIR = 'lib/export/templates';
export const GENERATED_FILE = 'lib/export/templates.generated.ts';

const LANGUAGES = {
  pytorch: { ext: '.py', comment: '#' },
  notebook: { ext: '.py', comment: '#' },
  typescript: { ext: '.ts', comment: '//' },
};
const REGION_NAME = /^[a-z][A-Za-z0-9]*$/;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]))
    .sort();
}

/** A template's regions in file order, or null when it has none. Throws on a malformed marker. */
export function parseRegions(text, comment, where) {
  const open = new RegExp(`^\\s*${comment} region (\\S+)\\s*$`);
  const close = new RegExp(`^\\s*${comment} endregion\\s*$`);
  const marker = new RegExp(`^\\s*${comment} (end)?region\\b`);
  const regions = new Map();
  let current = null;
  text.split('\n').forEach((line, i) => {
    const at = `${where}:${i + 1}`;
    if (!marker.test(line)) {
      if (current) current.lines.push(line);
      return;
    }
    const name = open.exec(line)?.[1];
    if (name !== undefined) {
      if (current) throw new Error(`${at}: region "${name}" opens inside region "${current.name}"`);
      if (!REGION_NAME.test(name)) throw new Error(`${at}: region names are camelCase identifiers, not "${name}"`);
      if (regions.has(name)) throw new Error(`${at}: a second region "${name}"`);
      current = { name, lines: [] };
    } else if (close.test(line)) {
      if (!current) throw new Error(`${at}: endregion outside a region`);
      regions.set(current.name, current.lines.join('\n'));
      current = null;
    } else {
      throw new Error(`${at}: a region marker is "${comment} region name" or "${comment} endregion"`);
    }
  });
  if (current) throw new Error(`${where}: region "${current.name}" is never closed`);
  return regions.size > 0 ? regions : null;
}

/** The constant's name: HELPERS_PY for pytorch/helpers.py, LOSSES_HINGE_TS for typescript/losses/hinge.ts. */
function constantName(path, ext) {
  const stem = path.split('/').slice(1).join('_').slice(0, -ext.length);
  return `${stem.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_${ext.slice(1).toUpperCase()}`;
}

/** The generated module's text for the templates under `root`'s TEMPLATE_DIR. Pure but for reading files. */
export function renderTemplates(root) {
  const dir = join(root, TEMPLATE_DIR);
  const seen = new Set();
  const blocks = filesUnder(dir).map((file) => {
    const path = relative(dir, file).split(sep).join('/');
    const lang = LANGUAGES[path.split('/')[0]];
    if (!lang || !path.endsWith(lang.ext)) {
      throw new Error(`${TEMPLATE_DIR}/${path}: templates are pytorch/**/*.py, notebook/**/*.py or typescript/**/*.ts`);
    }
    const text = readFileSync(file, 'utf8');
    if (text.includes('\r')) throw new Error(`${TEMPLATE_DIR}/${path}: line ends must be \\n`);
    const name = constantName(path, lang.ext);
    if (seen.has(name)) throw new Error(`${TEMPLATE_DIR}/${path}: a second template named ${name}`);
    seen.add(name);
    const regions = parseRegions(text, lang.comment, `${TEMPLATE_DIR}/${path}`);
    if (!regions) return `/** ${TEMPLATE_DIR}/${path}, whole. */\nexport const ${name} = ${JSON.stringify(text)};\n`;
    const fields = [...regions].map(([key, value]) => `  ${key}: ${JSON.stringify(value)},\n`).join('');
    return `/** The regions of ${TEMPLATE_DIR}/${path}. */\nexport const ${name} = {\n${fields}};\n`;
  });
  return [
    `// Generated by scripts/export-templates.mjs from ${TEMPLATE_DIR}; do not edit.`,
    '// After changing a template, run `npm run export-templates`.',
    '',
    blocks.join('\n'),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const target = join(root, GENERATED_FILE);
  const text = renderTemplates(root);
  let current = null;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // Not written yet.
  }
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error(`${GENERATED_FILE} is out of date with ${TEMPLATE_DIR}: run npm run export-templates`);
      process.exit(1);
    }
    console.log(`${GENERATED_FILE} is up to date`);
  } else if (current === text) {
    console.log(`${GENERATED_FILE} is up to date`);
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${GENERATED_FILE}`);
  }
}

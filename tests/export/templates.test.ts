import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRAIN_PY } from '@/lib/export/templates.generated';
import { AVERAGE_FOLDER } from '@/lib/export/tfjs-artifacts';
import { GENERATED_FILE, parseRegions, renderTemplates, TEMPLATE_DIR } from '../../scripts/export-templates.mjs';
import { PYTHON } from './pytorch-harness';

const ROOT = process.cwd();

describe('export templates', () => {
  it('the generated module is up to date with lib/export/templates', () => {
    const checkedIn = readFileSync(join(ROOT, GENERATED_FILE), 'utf8');
    expect(checkedIn === renderTemplates(ROOT), `${GENERATED_FILE} is out of date with ${TEMPLATE_DIR}: run npm run export-templates`).toBe(
      true,
    );
  });

  it('regions are strict: no nesting, no duplicates, no stray or unclosed markers', () => {
    expect(parseRegions('a\n# region one\nb\n\nc\n# endregion\nd\n', '#', 'f')).toEqual(new Map([['one', 'b\n\nc']]));
    expect(parseRegions('  // region one\n  x\n  // endregion', '//', 'f')).toEqual(new Map([['one', '  x']]));
    expect(parseRegions('no regions\n', '#', 'f')).toBeNull();
    expect(() => parseRegions('# region a\n# region b\n# endregion\n# endregion', '#', 'f')).toThrow(
      /f:2: region "b" opens inside region "a"/,
    );
    expect(() => parseRegions('# region a\n# endregion\n# region a\n# endregion', '#', 'f')).toThrow(/a second region "a"/);
    expect(() => parseRegions('# region a\nx', '#', 'f')).toThrow(/region "a" is never closed/);
    expect(() => parseRegions('# endregion', '#', 'f')).toThrow(/endregion outside a region/);
    expect(() => parseRegions('# region my-name\n# endregion', '#', 'f')).toThrow(/camelCase/);
    expect(() => parseRegions('# region: a', '#', 'f')).toThrow(/a region marker is/);
  });

  it("train.py's loop reads G's weight average from the folder the app's download uses", () => {
    expect(TRAIN_PY.loop.split(`os.path.join(args.weights, "${AVERAGE_FOLDER}")`)).toHaveLength(3);
  });

  it.skipIf(!existsSync(PYTHON))('the Python templates are valid Python (py_compile)', () => {
    const files = ['pytorch', 'notebook'].flatMap((folder) => {
      const dir = join(ROOT, TEMPLATE_DIR, folder);
      return readdirSync(dir)
        .filter((f) => f.endsWith('.py'))
        .map((f) => join(dir, f));
    });
    expect(files.length).toBeGreaterThan(0);
    const out = mkdtempSync(join(tmpdir(), 'ganvas-templates-'));
    try {
      // Compiled into a temporary folder, so that no __pycache__ lands among the templates.
      const code =
        'import py_compile, os, sys\nfor i, f in enumerate(sys.argv[2:]):\n    py_compile.compile(f, cfile=os.path.join(sys.argv[1], "%d.pyc" % i), doraise=True)';
      const r = spawnSync(PYTHON, ['-c', code, out, ...files], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

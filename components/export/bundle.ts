import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { fetchImageSetBytes, IMAGE_SET_URLS } from '@/lib/data/load-image-set';
import { encodeImageSet } from '@/lib/data/image-set';
import { loadUserImages } from '@/lib/data/user-images';
import type { DatasetRef } from '@/lib/project/schema';
import { AVERAGE_FOLDER, type LayersArtifacts } from '@/lib/export/tfjs-artifacts';
import type { GanArtifacts } from '@/lib/train/session';
import { downloadBlob } from '../download';

/** Saves bytes or text as a file. */
export function download(name: string, data: string | Uint8Array, type = 'text/plain'): void {
  downloadBlob(new Blob([typeof data === 'string' ? data : (data.slice().buffer as ArrayBuffer)], { type }), name);
}

/** The image set an exported project trains on, in the GANV format the exported code reads. */
export async function datasetFile(ref: DatasetRef): Promise<Uint8Array> {
  if (ref.id === 'mnist' || ref.id === 'fashion-mnist') {
    // Served gzipped; the exported code reads the plain GANV file.
    return fetchImageSetBytes(IMAGE_SET_URLS[ref.id]);
  }
  const set = await loadUserImages();
  if (!set) throw new Error('there are no images yet: drop some on the Data panel first');
  return new Uint8Array(encodeImageSet(set));
}

/** A zip of text files plus optional binary ones, all under one folder. */
export function zipFolder(folder: string, files: { path: string; text?: string; bytes?: Uint8Array }[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[`${folder}/${f.path}`] = f.bytes ?? strToU8(f.text ?? '');
  return zipSync(entries, { level: 6 });
}

export function weightsZip(artifacts: GanArtifacts): Uint8Array {
  const parts: [string, LayersArtifacts | undefined][] = [
    ['generator', artifacts.generator],
    ['discriminator', artifacts.discriminator],
    [AVERAGE_FOLDER, artifacts.averagedGenerator],
  ];
  const files = parts.flatMap(([folder, part]) =>
    part
      ? [
          { path: `${folder}/model.json`, text: part.modelJson },
          { path: `${folder}/weights.bin`, bytes: part.weightsBin },
        ]
      : [],
  );
  return zipFolder('ganvas-weights', files);
}

const MAX_ENTRY_BYTES = 512 * 2 ** 20;
/** The files a weights zip is read for: model.json and weights.bin of G, D and G's average. */
const WEIGHT_FILE = new RegExp(`(^|/)(generator|discriminator|${AVERAGE_FOLDER})/(model\\.json|weights\\.bin)$`);

/**
 * Reads a weights zip (this app's download, or any zip with generator/ and discriminator/ folders
 * holding model.json and weights.bin). Never throws: a bad file gives a message instead.
 */
export function readWeightsZip(bytes: Uint8Array): { ok: true; artifacts: GanArtifacts } | { ok: false; message: string } {
  let files: Record<string, Uint8Array>;
  try {
    // Only the four files are inflated, and only when their declared size is sane: no zip bombs.
    files = unzipSync(bytes, { filter: (f) => WEIGHT_FILE.test(f.name) && f.originalSize <= MAX_ENTRY_BYTES });
  } catch (err) {
    return { ok: false, message: `this is not a readable zip file (${err instanceof Error ? err.message : String(err)})` };
  }
  const find = (suffix: string) => Object.entries(files).find(([name]) => name === suffix || name.endsWith(`/${suffix}`))?.[1];
  const part = (role: string): LayersArtifacts | string => {
    const json = find(`${role}/model.json`);
    const bin = find(`${role}/weights.bin`);
    if (!json || !bin) return `the zip has no ${role}/model.json and ${role}/weights.bin`;
    return { modelJson: strFromU8(json), weightsBin: bin };
  };
  const generator = part('generator');
  const discriminator = part('discriminator');
  if (typeof generator === 'string') return { ok: false, message: generator };
  if (typeof discriminator === 'string') return { ok: false, message: discriminator };
  // G's weight average is optional: a download from a run without averaging has none.
  const average = find(`${AVERAGE_FOLDER}/model.json`) || find(`${AVERAGE_FOLDER}/weights.bin`) ? part(AVERAGE_FOLDER) : undefined;
  if (typeof average === 'string') return { ok: false, message: average };
  return { ok: true, artifacts: { generator, discriminator, ...(average ? { averagedGenerator: average } : {}) } };
}

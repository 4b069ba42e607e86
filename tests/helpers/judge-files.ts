import { readFile } from 'node:fs/promises';
import { readJudge, type Judge, type JudgedSet } from '../../lib/quality/judge';

/** The judge as shipped in public/judges/ (written by `npm run train-judges`), read from disk. */
export async function shippedJudge(set: JudgedSet): Promise<Judge> {
  const judge = await readJudge(set, (path) =>
    readFile(`public${path}`).then(
      (b) => new Uint8Array(b),
      () => null,
    ),
  );
  if (!judge) throw new Error(`public/judges/${set}/ is incomplete: run \`npm run train-judges\``);
  return judge;
}

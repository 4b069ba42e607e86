'use client';

import { RUN_IDS, type RunId, type RunState } from '@/lib/store/compare-store';
import styles from './compare.module.css';
import { Density1D } from '../dashboard/density-1d';
import { Scatter2D } from '../dashboard/scatter-2d';

/** Props of {@link ComparePictures}. */
export interface ComparePicturesProps {
  runs: Record<RunId, RunState>;
  labels: Record<RunId, string>;
  /** The data's dimension: 1 draws densities, 2 draws points. */
  dims: 1 | 2;
}

/** Each run's picture of its generator (1-D densities or 2-D points), side by side. */
export function ComparePictures({ runs, labels, dims }: ComparePicturesProps) {
  return (
    <div className={styles.pictures}>
      {RUN_IDS.map((id) => (
        <figure key={id} className={styles.picture} data-testid={`compare-picture-${id}`}>
          <figcaption className={styles.runLabel}>{labels[id]}</figcaption>
          {dims === 1 ? <Density1D data={runs[id].density} /> : <Scatter2D data={runs[id].scatter} />}
        </figure>
      ))}
    </div>
  );
}

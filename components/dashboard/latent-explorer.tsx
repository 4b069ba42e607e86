'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { datasetInfo } from '@/lib/data/catalog';
import { takesLabel, type GanProject } from '@/lib/project/schema';
import {
  directions,
  everyClass,
  interpolate,
  labelAt,
  labelWalk,
  lerp,
  moveAlong,
  repeat,
  row,
  slerp,
  type Interpolation,
} from '@/lib/train/latent';
import type { LatentRequest } from '@/lib/train/session';
import type { SampleFrame } from '@/lib/train/types';
import { gridCount, gridNoise } from '@/lib/train/visuals';
import { useTrainingApi } from '@/components/store/training';
import { SheetCanvas } from '../plot/sheet-canvas';
import styles from './training.module.css';

/** Images in an interpolation strip, and per direction. */
const STEPS = 10;
const SWEEP = 7;
const AXES = 3;
/** How far a direction slider reaches, in units of z's standard deviation. */
const REACH = 3;

export type ExplorerView = 'walk' | 'directions' | 'classes';

/** Props of {@link LatentExplorer}. */
export interface LatentExplorerProps {
  project: GanProject;
  /** The newest sample grid: the explorer asks G again whenever it moves on. */
  frame: SampleFrame | undefined;
  /** The two grid samples picked (A and B). */
  a: number;
  b: number;
}

/**
 * What G learned, seen through its noise: a walk from sample A to sample B (linear or spherical),
 * sliders along fixed directions around A, and for a conditional G the same z drawn as every class
 * and a walk between two classes' labels. Every picture is G's in the worker, on the current
 * weights (or G's average), redrawn as training moves on.
 */
export function LatentExplorer({ project, frame, a, b }: LatentExplorerProps) {
  const t = useTranslations('latent');
  const training = useTrainingApi();
  const classes = takesLabel(project.generator) ? (datasetInfo(project.dataset).numClasses ?? 0) : 0;
  const dim = project.training.noise.dim;
  const grid = useMemo(() => gridNoise(project), [project]);
  const axes = useMemo(() => directions(dim, AXES, project.training.seed), [dim, project.training.seed]);
  const [view, setView] = useState<ExplorerView>('walk');
  const [mode, setMode] = useState<Interpolation>('spherical');
  const [position, setPosition] = useState(0.5);
  const [playing, setPlaying] = useState(false);
  const [amounts, setAmounts] = useState<number[]>(() => Array.from({ length: AXES }, () => 0));
  const [fromClass, setFromClass] = useState(0);
  const [toClass, setToClass] = useState(Math.max(0, classes - 1));
  const [pictures, setPictures] = useState<SampleFrame[] | null>(null);

  const count = gridCount(project);
  const zA = row(grid, Math.min(a, count - 1), dim);
  const zB = row(grid, Math.min(b, count - 1), dim);
  const classOf = (i: number) => (classes ? i % classes : 0);

  // What to ask G for: strips of images, in one request.
  const request = useMemo(() => {
    const strips: { noise: Float32Array; labels?: Float32Array; count: number; columns: number }[] = [];
    const labelRows = (c: number, n: number) => (classes ? labelWalk(c, c, classes, n) : undefined);
    if (view === 'walk') {
      const walk = interpolate(zA, zB, STEPS, mode);
      const labels = classes ? labelWalk(classOf(a), classOf(b), classes, STEPS) : undefined;
      strips.push({ noise: walk, ...(labels && { labels }), count: STEPS, columns: STEPS });
      const one = (mode === 'spherical' ? slerp : lerp)(zA, zB, position);
      const label = classes ? labelAt(classOf(a), classOf(b), classes, position) : undefined;
      strips.push({ noise: one, ...(label && { labels: label }), count: 1, columns: 1 });
    } else if (view === 'directions') {
      strips.push({ noise: moveAlong(zA, axes, amounts), ...(classes && { labels: labelRows(classOf(a), 1) }), count: 1, columns: 1 });
      axes.forEach((_, k) => {
        const sweep = new Float32Array(SWEEP * dim);
        for (let s = 0; s < SWEEP; s++) {
          const shift = amounts.map((v, j) => (j === k ? -REACH + (2 * REACH * s) / (SWEEP - 1) : v));
          sweep.set(moveAlong(zA, axes, shift), s * dim);
        }
        strips.push({ noise: sweep, ...(classes && { labels: labelRows(classOf(a), SWEEP) }), count: SWEEP, columns: SWEEP });
      });
    } else if (classes) {
      strips.push({ noise: repeat(zA, classes), labels: everyClass(classes), count: classes, columns: classes });
      strips.push({ noise: repeat(zA, STEPS), labels: labelWalk(fromClass, toClass, classes, STEPS), count: STEPS, columns: STEPS });
    }
    return strips;
    // zA and zB follow a, b and the grid.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, mode, position, amounts, fromClass, toClass, a, b, grid, axes, classes, dim]);

  // Ask G: one request for all strips, again whenever training moves on; while one is out, only
  // the newest wish waits.
  const iteration = frame?.iteration ?? 0;
  const inFlight = useRef(false);
  const wanted = useRef<typeof request | null>(null);
  useEffect(() => {
    wanted.current = request;
    if (inFlight.current || request.length === 0) return;
    let alive = true;
    const ask = async () => {
      inFlight.current = true;
      while (alive && wanted.current) {
        const strips = wanted.current;
        wanted.current = null;
        const total = strips.reduce((n, s) => n + s.count, 0);
        const noise = new Float32Array(total * dim);
        const labels = classes ? new Float32Array(total * classes) : undefined;
        let at = 0;
        for (const s of strips) {
          noise.set(s.noise, at * dim);
          if (labels && s.labels) labels.set(s.labels, at * classes);
          at += s.count;
        }
        const req: LatentRequest = { noise, count: total, ...(labels && { labels }) };
        const result = await training
          .getState()
          .latent(req)
          .catch(() => null);
        if (!result || result.shape.length !== 4) continue;
        const [, h, w, c] = result.shape as [number, number, number, number];
        const size = h * w * c;
        let from = 0;
        const made = strips.map((s) => {
          const images = result.data.slice(from * size, (from + s.count) * size);
          from += s.count;
          return { iteration: result.iteration, images, count: s.count, shape: [h, w, c] as [number, number, number], columns: s.columns };
        });
        if (alive) setPictures(made);
      }
      inFlight.current = false;
    };
    void ask();
    return () => {
      alive = false;
    };
  }, [iteration, request, training, dim, classes]);

  // Play: the walk's position sweeps from A to B and back.
  useEffect(() => {
    if (!playing || view !== 'walk') return;
    let start: number | null = null;
    let frameId = 0;
    const tick = (now: number) => {
      start ??= now;
      const phase = ((now - start) / 4000) % 2;
      setPosition(Math.round((phase < 1 ? phase : 2 - phase) * 100) / 100);
      frameId = requestAnimationFrame(tick);
    };
    frameId = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frameId);
  }, [playing, view]);

  const views: ExplorerView[] = classes ? ['walk', 'directions', 'classes'] : ['walk', 'directions'];
  const strips = pictures ?? [];

  return (
    <section className={styles.panel} data-testid="latent-explorer" aria-label={t('label')}>
      <header className={styles.head}>
        <h3 className={styles.title}>{t('title')}</h3>
        <span className={styles.hint}>{t('hint')}</span>
      </header>
      <div className={styles.explorerBar} role="tablist" aria-label={t('views')}>
        {views.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            className="btn small"
            aria-selected={view === v}
            data-testid={`latent-view-${v}`}
            onClick={() => setView(v)}
          >
            {t(`view.${v}`)}
          </button>
        ))}
        <span className={styles.explorerPicked} data-testid="latent-picked">
          {t('picked', { a: a + 1, b: b + 1 })}
        </span>
      </div>
      {view === 'walk' && (
        <>
          <div className={styles.explorerBar}>
            <label>
              {t('mode')}{' '}
              <select value={mode} onChange={(e) => setMode(e.target.value as Interpolation)} data-testid="latent-mode">
                <option value="spherical">{t('spherical')}</option>
                <option value="linear">{t('linear')}</option>
              </select>
            </label>
            <button type="button" className="btn small" data-testid="latent-play" onClick={() => setPlaying((p) => !p)}>
              {playing ? t('pause') : t('play')}
            </button>
          </div>
          <div className={styles.explorerRow}>
            <SheetCanvas frame={strips[0]} testId="latent-strip" label={t('strip', { a: a + 1, b: b + 1 })} data={{ from: a, to: b }} />
          </div>
          <div className={styles.explorerRow}>
            <div className={styles.explorerOne}>
              <SheetCanvas frame={strips[1]} testId="latent-at" label={t('at', { percent: Math.round(position * 100) })} />
            </div>
            <input
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={position}
              aria-label={t('position')}
              aria-valuetext={t('at', { percent: Math.round(position * 100) })}
              data-testid="latent-position"
              onChange={(e) => {
                setPlaying(false);
                setPosition(Number(e.target.value));
                training.getState().record('explored-latent');
              }}
            />
          </div>
        </>
      )}
      {view === 'directions' && (
        <div className={styles.explorerRow}>
          <div className={styles.explorerOne}>
            <SheetCanvas frame={strips[0]} testId="latent-moved" label={t('moved')} />
          </div>
          <div className={styles.explorerAxes}>
            {amounts.map((v, k) => (
              <div key={k} className={styles.explorerAxis}>
                <label>
                  {t('direction', { n: k + 1 })}
                  <input
                    type="range"
                    min={-REACH}
                    max={REACH}
                    step={0.1}
                    value={v}
                    data-testid={`latent-direction-${k}`}
                    onChange={(e) => {
                      setAmounts(amounts.map((x, j) => (j === k ? Number(e.target.value) : x)));
                      training.getState().record('explored-latent');
                    }}
                  />
                  <span className={styles.iteration}>{v.toFixed(1)}</span>
                </label>
                <SheetCanvas frame={strips[k + 1]} testId={`latent-sweep-${k}`} label={t('sweep', { n: k + 1 })} />
              </div>
            ))}
          </div>
        </div>
      )}
      {view === 'classes' && classes > 0 && (
        <>
          <p className={styles.hint}>{t('sameZ')}</p>
          <SheetCanvas frame={strips[0]} testId="latent-classes" label={t('sameZ')} />
          <div className={styles.explorerBar}>
            <ClassSelect label={t('fromClass')} value={fromClass} classes={classes} onChange={setFromClass} testId="latent-from-class" />
            <ClassSelect label={t('toClass')} value={toClass} classes={classes} onChange={setToClass} testId="latent-to-class" />
          </div>
          <SheetCanvas frame={strips[1]} testId="latent-class-walk" label={t('classWalk', { from: fromClass, to: toClass })} />
        </>
      )}
    </section>
  );
}

/** A class picker for the label walk. */
function ClassSelect(props: { label: string; value: number; classes: number; onChange: (c: number) => void; testId: string }) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange(Number(e.target.value))} data-testid={props.testId}>
        {Array.from({ length: props.classes }, (_, c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}

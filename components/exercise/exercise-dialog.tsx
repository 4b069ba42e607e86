'use client';

import { useMemo, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { describeCheck } from '@/lib/classroom/describe';
import { CONTROL_IDS, EXERCISE_LIMITS, parseExercise, type ControlId, type Exercise } from '@/lib/classroom/exercise';
import { LAYER_KINDS, type LayerKind } from '@/lib/project/kinds';
import { useEditorApi } from '@/components/store/editor';
import { useLocalized } from '../i18n/use-localized';
import { DialogHead, useModalDialog } from '../modal';
import { draftToCheck, initialDraft, type CheckDraft } from './check-draft';
import { CheckPicker } from './check-picker';
import { ControlPicker } from './control-picker';
import { exerciseLink } from './exercise-link';
import { PalettePicker } from './palette-picker';
import styles from './exercise.module.css';

/**
 * The teacher's side: title, instructions, the palette, hidden and locked controls and a success
 * check, packed with the current project into a `#x=` link. Mounted while open, so the goal's
 * defaults come from the project as it is then.
 */
export function ExerciseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('exercise');
  const text = useLocalized();
  const locale = useLocale();
  const store = useEditorApi();
  const dialog = useModalDialog(open);
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [allowed, setAllowed] = useState<Set<LayerKind>>(() => new Set(LAYER_KINDS));
  const [controls, setControls] = useState<{ hidden: Set<ControlId>; locked: Set<ControlId> }>({ hidden: new Set(), locked: new Set() });
  const [draft, setDraft] = useState<CheckDraft>(() => initialDraft(store.getState().project));
  const [link, setLink] = useState<{ for: string; url: string; copied: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const check = useMemo(() => draftToCheck(draft), [draft]);
  const exercise: Exercise | null = check && {
    title: title.trim(),
    instructions,
    palette: allowed.size === LAYER_KINDS.length ? null : LAYER_KINDS.filter((k) => allowed.has(k)),
    hidden: CONTROL_IDS.filter((id) => controls.hidden.has(id)),
    locked: CONTROL_IDS.filter((id) => controls.locked.has(id)),
    check,
  };
  const signature = JSON.stringify(exercise);
  const shown = link?.for === signature ? link : null;

  const copy = async () => {
    setProblem(null);
    const parsed = parseExercise(exercise);
    if (!parsed.ok) {
      setProblem(parsed.errors.map((e) => text(e)).join(locale === 'zh' ? '；' : '; '));
      return;
    }
    const url = await exerciseLink(store.getState().project, parsed.exercise);
    const copied = await navigator.clipboard?.writeText(url).then(
      () => true,
      () => false,
    );
    setLink({ for: signature, url, copied: copied === true });
  };

  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} data-testid="exercise-dialog" aria-label={t('dialogTitle')}>
      <DialogHead
        title={t('dialogTitle')}
        note={t('dialogNote')}
        closeLabel={t('close')}
        closeTestId="exercise-close"
        onClose={onClose}
        classes={styles}
      />
      <div className={styles.body}>
        <section className={styles.section}>
          <label className={styles.block}>
            <span>{t('title')}</span>
            <input
              type="text"
              value={title}
              maxLength={EXERCISE_LIMITS.title}
              placeholder={t('titlePlaceholder')}
              data-testid="exercise-title"
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <label className={styles.block}>
            <span>{t('instructions')}</span>
            <textarea
              rows={5}
              value={instructions}
              maxLength={EXERCISE_LIMITS.instructions}
              placeholder={t('instructionsPlaceholder')}
              data-testid="exercise-instructions"
              onChange={(e) => setInstructions(e.target.value)}
            />
          </label>
          <h3>{t('goal')}</h3>
          <CheckPicker draft={draft} onChange={setDraft} />
          <p className={styles.preview} data-testid="exercise-goal-preview">
            {check ? t('preview', { goal: text(describeCheck(check)) }) : <span className={styles.bad}>{t('invalidGoal')}</span>}
          </p>
          <h3>{t('palette')}</h3>
          <PalettePicker allowed={allowed} onChange={setAllowed} />
        </section>
        <section className={styles.section}>
          <h3>{t('controls')}</h3>
          <p className={styles.note}>{t('controlsNote')}</p>
          <ControlPicker hidden={controls.hidden} locked={controls.locked} onChange={setControls} />
        </section>
      </div>
      <div className={styles.foot}>
        <button
          type="button"
          className="btn primary"
          data-testid="exercise-copy"
          disabled={!exercise || !exercise.title}
          onClick={() => void copy()}
        >
          {t('copy')}
        </button>
        {!title.trim() && <span className={styles.note}>{t('needTitle')}</span>}
        {problem && (
          <span className={styles.bad} role="alert">
            {problem}
          </span>
        )}
        {shown && (
          <>
            <input
              className={styles.link}
              readOnly
              value={shown.url}
              aria-label={t('linkLabel')}
              data-testid="exercise-link"
              onFocus={(e) => e.target.select()}
            />
            <span className={styles.note} role="status">
              {shown.copied ? t('copied') : t('copyYourself')}
            </span>
          </>
        )}
      </div>
    </dialog>
  );
}

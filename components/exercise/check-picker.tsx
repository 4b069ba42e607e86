'use client';

import { useTranslations } from 'use-intl';
import { LAYERS } from '@/lib/compiler/layers';
import { DATASET_DEFAULTS, datasetInfo } from '@/lib/data/catalog';
import { CHECK_METRICS, CHECK_SETTINGS, QUALITY_MEASURES } from '@/lib/classroom/checks';
import { DATASET_IDS, LAYER_KINDS, LOSS_KINDS, type Role } from '@/lib/project/kinds';
import { LOSS_TITLES, SETTINGS } from '@/lib/project/training-settings';
import { useLocalized } from '../i18n/use-localized';
import { GOAL_KINDS, QUALITY_DEFAULTS, type CheckDraft } from './check-draft';
import styles from './exercise.module.css';

const ROLES: Role[] = ['generator', 'discriminator'];

/** The success check: a kind of goal, then the few fields that kind needs. */
export function CheckPicker({ draft, onChange }: { draft: CheckDraft; onChange: (draft: CheckDraft) => void }) {
  const t = useTranslations('exercise');
  const tr = useTranslations('roles');
  const text = useLocalized();
  const put = <K extends keyof CheckDraft>(key: K, value: CheckDraft[K]) => onChange({ ...draft, [key]: value });

  const numberField = (key: 'count' | 'target' | 'within' | 'value' | 'js' | 'quality', label: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        size={8}
        value={draft[key]}
        data-testid={`goal-${key}`}
        onChange={(e) => put(key, e.target.value)}
      />
    </label>
  );
  const layerSelect = (key: 'from' | 'to' | 'layer', label: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      <select value={draft[key]} data-testid={`goal-${key}`} onChange={(e) => put(key, e.target.value as CheckDraft[typeof key])}>
        {LAYER_KINDS.map((k) => (
          <option key={k} value={k}>
            {text(LAYERS[k].title)}
          </option>
        ))}
      </select>
    </label>
  );
  const roleSelect = (
    <label className={styles.field}>
      <span>{t('fields.role')}</span>
      <select value={draft.role} data-testid="goal-role" onChange={(e) => put('role', e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tr('tab', { role: r })}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className={styles.goal}>
      <select
        aria-label={t('goal')}
        value={draft.kind}
        data-testid="goal-kind"
        onChange={(e) => put('kind', e.target.value as CheckDraft['kind'])}
      >
        {GOAL_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`goalKinds.${k}`)}
          </option>
        ))}
      </select>
      <div className={styles.goalFields}>
        {(draft.kind === 'iterations' || draft.kind === 'modes') && numberField('count', t('fields.atLeast'))}
        {draft.kind === 'metric' && (
          <>
            <label className={styles.field}>
              <span>{t('fields.metric')}</span>
              <select
                value={draft.metric}
                data-testid="goal-metric"
                onChange={(e) => put('metric', e.target.value as CheckDraft['metric'])}
              >
                {CHECK_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {t(`metrics.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            {numberField('target', t('fields.target'))}
            {numberField('within', t('fields.within'))}
          </>
        )}
        {draft.kind === 'edge' && (
          <>
            {roleSelect}
            {layerSelect('from', t('fields.from'))}
            {layerSelect('to', t('fields.to'))}
          </>
        )}
        {draft.kind === 'layer' && (
          <>
            {roleSelect}
            {layerSelect('layer', t('fields.layer'))}
            {numberField('count', t('fields.atLeast'))}
          </>
        )}
        {draft.kind === 'setting' && (
          <>
            <label className={styles.field}>
              <span>{t('fields.setting')}</span>
              <select
                value={draft.setting}
                data-testid="goal-setting"
                onChange={(e) => put('setting', e.target.value as CheckDraft['setting'])}
              >
                {CHECK_SETTINGS.map((s) => (
                  <option key={s} value={s}>
                    {text(SETTINGS[s].title)}
                  </option>
                ))}
              </select>
            </label>
            {draft.setting === 'loss' ? (
              <label className={styles.field}>
                <span>{t('fields.value')}</span>
                <select value={draft.loss} data-testid="goal-loss" onChange={(e) => put('loss', e.target.value as CheckDraft['loss'])}>
                  {LOSS_KINDS.map((l) => (
                    <option key={l} value={l}>
                      {text(LOSS_TITLES[l])}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              numberField('value', t('fields.value'))
            )}
          </>
        )}
        {draft.kind === 'dataset' && (
          <label className={styles.field}>
            <span>{t('fields.dataset')}</span>
            <select
              value={draft.dataset}
              data-testid="goal-dataset"
              onChange={(e) => put('dataset', e.target.value as CheckDraft['dataset'])}
            >
              {DATASET_IDS.map((id) => (
                <option key={id} value={id}>
                  {text(datasetInfo(DATASET_DEFAULTS[id]).title)}
                </option>
              ))}
            </select>
          </label>
        )}
        {draft.kind === 'js' && numberField('js', t('fields.atMost'))}
        {draft.kind === 'quality' && (
          <>
            <label className={styles.field}>
              <span>{t('fields.measure')}</span>
              <select
                value={draft.measure}
                data-testid="goal-measure"
                onChange={(e) => {
                  const measure = e.target.value as CheckDraft['measure'];
                  onChange({ ...draft, measure, quality: QUALITY_DEFAULTS[measure] });
                }}
              >
                {QUALITY_MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {t(`measures.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            {numberField(
              'quality',
              t(
                draft.measure === 'fid'
                  ? 'fields.atMostValue'
                  : draft.measure === 'labelAccuracy'
                    ? 'fields.atLeastPercent'
                    : 'fields.atLeast',
              ),
            )}
          </>
        )}
      </div>
    </div>
  );
}

'use client';

import { BACKENDS, type BackendChoice } from '@/lib/train/backends';
import { useEditorApi } from '@/lib/store/provider';
import { useTraining, useTrainingApi } from '@/lib/store/training-provider';

/** Play/pause, single steps, reset, and the backend choice. */
export function TrainingControls({ blocked }: { blocked: boolean }) {
  const training = useTrainingApi();
  const editor = useEditorApi();
  const phase = useTraining((s) => s.phase);
  const choice = useTraining((s) => s.backendChoice);
  const busy = phase === 'starting' || phase === 'pausing';
  const running = phase === 'running';
  const project = () => editor.getState().project;
  return (
    <div className="train-controls">
      {running ? (
        <button type="button" className="btn primary" data-testid="train-pause" onClick={() => training.getState().pause()}>
          Pause
        </button>
      ) : (
        <button type="button" className="btn primary" data-testid="train-play" disabled={blocked || busy} onClick={() => void training.getState().play(project())}>
          {phase === 'starting' ? 'Starting…' : phase === 'pausing' ? 'Pausing…' : 'Train'}
        </button>
      )}
      <button type="button" className="btn" data-testid="train-step" disabled={blocked || busy || running} onClick={() => void training.getState().step(project(), 'both')} title="One iteration: k D updates, then one G update">
        Step
      </button>
      <button type="button" className="btn" data-testid="train-step-d" disabled={blocked || busy || running} onClick={() => void training.getState().step(project(), 'd')} title="One discriminator update">
        Step D
      </button>
      <button type="button" className="btn" data-testid="train-step-g" disabled={blocked || busy || running} onClick={() => void training.getState().step(project(), 'g')} title="One generator update">
        Step G
      </button>
      <button type="button" className="btn" data-testid="train-reset" disabled={busy} onClick={() => void training.getState().reset()} title="Discard the trained weights and start over">
        Reset
      </button>
      <label className="backend-choice">
        <span className="muted">Backend</span>
        <select aria-label="Backend" data-testid="backend-choice" value={choice} disabled={running || busy} onChange={(e) => training.getState().setBackendChoice(e.target.value as BackendChoice)}>
          <option value="auto">auto</option>
          {BACKENDS.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

'use client';

import { useEffect, useRef } from 'react';

/** A `<dialog>` ref that shows the dialog modally while `open` and closes it otherwise. */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return dialog;
}

/** Props of {@link DialogHead}. */
export interface DialogHeadProps {
  title: string;
  note: string;
  closeLabel: string;
  closeTestId: string;
  onClose: () => void;
  /** The dialog's CSS module classes for the row, the note and the gap before Close. */
  classes: { head?: string; note?: string; spacer?: string };
}

/** A dialog's top row: its title, a short note, and Close at the far end. */
export function DialogHead({ title, note, closeLabel, closeTestId, onClose, classes }: DialogHeadProps) {
  return (
    <div className={classes.head}>
      <h2>{title}</h2>
      <span className={classes.note}>{note}</span>
      <span className={classes.spacer} />
      <button type="button" className="btn" onClick={onClose} data-testid={closeTestId}>
        {closeLabel}
      </button>
    </div>
  );
}

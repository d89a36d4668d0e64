import type { ReactNode } from 'react';
import { Button } from './button';

export interface FormActionsProps {
  /** Text of the submit button (may change while pending, e.g. 「保存中…」). */
  submitLabel: ReactNode;
  /** True while the form's mutation runs: the submit button is disabled. */
  pending: boolean;
  onCancel: () => void;
  cancelLabel?: ReactNode;
  /** Also disable the cancel button while pending. */
  lockCancel?: boolean;
  /** Extra controls after the cancel button. */
  children?: ReactNode;
}

/** The usual button row at the end of a form: submit, then cancel. */
export function FormActions({ submitLabel, pending, onCancel, cancelLabel = 'キャンセル', lockCancel = false, children }: FormActionsProps) {
  return (
    <div className="actions">
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
      <Button variant="secondary" onClick={onCancel} disabled={lockCancel && pending}>
        {cancelLabel}
      </Button>
      {children}
    </div>
  );
}

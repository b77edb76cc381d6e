import { useId } from 'react';

interface InlineConfirmProps {
  title: string;
  body?: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A question asked in place, before something that cannot be undone: what
 * will happen, then Cancel and a red button that does it. Used inside
 * dialogs, where a second modal or `window.confirm` would be out of place.
 */
export function InlineConfirm({
  title,
  body,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
}: InlineConfirmProps) {
  const titleId = useId();
  return (
    <section className="notice notice--warning confirm" aria-labelledby={titleId}>
      <h4 id={titleId}>{title}</h4>
      {body && <p>{body}</p>}
      <div className="dialog__actions">
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </section>
  );
}

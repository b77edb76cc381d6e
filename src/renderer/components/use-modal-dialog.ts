import { type RefObject, useEffect, useRef } from 'react';

/**
 * Keeps a native `<dialog>` shown as a modal while `open` is true (focus stays
 * inside, Escape closes it); `onShow` runs each time it opens.
 */
export function useModalDialog(open: boolean, onShow?: () => void): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const shown = useRef(onShow);
  shown.current = onShow;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // The field the dialog is for, rather than its first button (showModal's choice): a name, a password.
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
      shown.current?.();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return dialog;
}

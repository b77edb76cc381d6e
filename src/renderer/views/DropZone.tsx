import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { inBackground } from '../failures';
import { useDocuments } from '../stores/documents-store';

interface DropZoneProps {
  /** A slim bar above the document list instead of the full first-run panel. */
  compact?: boolean;
  /** True while files are dragged over the window (the whole window takes drops). */
  dragging: boolean;
}

/** Where contracts come in: drag and drop anywhere on the window, or the file picker. */
export function DropZone({ compact = false, dragging }: DropZoneProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const addFiles = useDocuments((state) => state.addFiles);

  const classes = ['drop-zone', compact ? 'drop-zone--compact' : '', dragging ? 'drop-zone--active' : ''];
  return (
    <section className={classes.filter(Boolean).join(' ')} aria-labelledby="drop-heading">
      {!compact && (
        <svg className="drop-zone__icon" viewBox="0 0 48 48" aria-hidden="true">
          <path d="M14 6h14l10 10v26a2 2 0 0 1-2 2H14a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z" />
          <path d="M28 6v10h10M18 26h14M18 32h14M18 38h8" />
        </svg>
      )}
      <div className="drop-zone__text">
        <h2 id="drop-heading">{dragging ? t('drop.active') : t('drop.title')}</h2>
        <p className="drop-zone__hint">{t('drop.hint')}</p>
      </div>
      <label htmlFor={inputId} className="visually-hidden">
        {t('drop.choose')}
      </label>
      <input
        id={inputId}
        ref={input}
        type="file"
        multiple
        accept=".pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = '';
          inBackground(addFiles(files));
        }}
      />
      <button type="button" className="button button--primary" onClick={() => input.current?.click()}>
        {compact ? t('documents.add') : t('drop.choose')}
      </button>
    </section>
  );
}

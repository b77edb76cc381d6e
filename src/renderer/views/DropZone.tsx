import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where contracts come in, by drag and drop or the file picker. Reading them
 * is the next piece of work; until then the zone says what it received and
 * that nothing left the machine.
 */
export function DropZone() {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [received, setReceived] = useState<string[]>([]);

  function receive(files: FileList | null) {
    setReceived(files ? Array.from(files, (file) => file.name) : []);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    receive(event.dataTransfer.files);
  }

  return (
    <section
      className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
      aria-labelledby="drop-heading"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <svg className="drop-zone__icon" viewBox="0 0 48 48" aria-hidden="true">
        <path d="M14 6h14l10 10v26a2 2 0 0 1-2 2H14a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z" />
        <path d="M28 6v10h10M18 26h14M18 32h14M18 38h8" />
      </svg>
      <h2 id="drop-heading">{dragging ? t('drop.active') : t('drop.title')}</h2>
      <p className="drop-zone__hint">{t('drop.hint')}</p>
      <label htmlFor={inputId} className="visually-hidden">
        {t('drop.choose')}
      </label>
      <input
        id={inputId}
        ref={input}
        type="file"
        multiple
        accept=".pdf,.docx,.txt,.md"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => receive(event.currentTarget.files)}
      />
      <button type="button" className="button button--primary" onClick={() => input.current?.click()}>
        {t('drop.choose')}
      </button>
      {received.length > 0 && (
        <p className="notice" role="status">
          {t('drop.notYet', { count: received.length, names: received.join(', ') })}
        </p>
      )}
    </section>
  );
}

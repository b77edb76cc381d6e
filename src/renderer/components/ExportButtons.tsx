import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../shared/backup';
import { api } from '../api';
import { inBackground } from '../failures';
import { FileActionStatus, useFileAction } from './FileActionStatus';

const FORMATS: readonly ExportFormat[] = ['docx', 'md'];

/**
 * "Export to Word" and "Export to Markdown", and what the last export did;
 * `save` asks main to do it. With `copy`, "Copy" comes first: main puts the
 * text on the clipboard (the window is never given the clipboard).
 */
export function ExportButtons({
  save,
  copy,
}: {
  save(format: ExportFormat): Promise<{ path: string } | null>;
  copy?: () => Promise<null>;
}) {
  const { t } = useTranslation();
  const exporting = useFileAction();
  return (
    <>
      {copy && (
        <button
          type="button"
          className="button"
          disabled={exporting.busy}
          onClick={() =>
            inBackground(
              exporting.run(
                () => copy().then(() => true),
                () => t('files.copied'),
              ),
            )
          }
        >
          {t('files.copy')}
        </button>
      )}
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={exporting.busy}
          onClick={() =>
            inBackground(
              exporting.run(
                () => save(format),
                (saved) => t('files.exported', { path: saved.path }),
              ),
            )
          }
        >
          {t(format === 'docx' ? 'files.exportDocx' : 'files.exportMd')}
        </button>
      ))}
      <FileActionStatus state={exporting.state} />
    </>
  );
}

/** An analysis's copy and exports, the same for a live answer once it has ended and a saved one. */
export function AnswerExportButtons({ answerId }: { answerId: string }) {
  return (
    <ExportButtons
      save={(format) => api.exports.answer({ answerId, format })}
      copy={() => api.answers.copy({ answerId })}
    />
  );
}

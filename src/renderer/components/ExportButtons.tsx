import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../shared/backup';
import { inBackground } from '../failures';
import { FileActionStatus, useFileAction } from './FileActionStatus';

const FORMATS: readonly ExportFormat[] = ['docx', 'md'];

/** "Export to Word" and "Export to Markdown", and what the last export did; `save` asks main to do it. */
export function ExportButtons({ save }: { save(format: ExportFormat): Promise<{ path: string } | null> }) {
  const { t } = useTranslation();
  const exporting = useFileAction();
  return (
    <>
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

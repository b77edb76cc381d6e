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
  // Each button runs its action through the one status line: copied, saved where, or why not.
  const actions: { key: string; label: string; run(): Promise<string | null> }[] = [
    ...(copy ? [{ key: 'copy', label: t('files.copy'), run: () => copy().then(() => t('files.copied')) }] : []),
    ...FORMATS.map((format) => ({
      key: format,
      label: t(format === 'docx' ? 'files.exportDocx' : 'files.exportMd'),
      run: () => save(format).then((saved) => (saved ? t('files.exported', { path: saved.path }) : null)),
    })),
  ];
  return (
    <>
      {actions.map((action) => (
        <button
          key={action.key}
          type="button"
          className="button"
          disabled={exporting.busy}
          onClick={() => inBackground(exporting.run(action.run, (message) => message))}
        >
          {action.label}
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

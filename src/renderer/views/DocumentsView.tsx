import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentCard } from '../components/DocumentCard';
import { ALL_MATTERS, MatterSelect } from '../components/MatterSelect';
import { inBackground } from '../failures';
import { useDocuments } from '../stores/documents-store';
import { UNFILED, useHistory } from '../stores/history-store';
import { useProviders } from '../stores/providers-store';
import { useSettings } from '../stores/settings-store';
import { AnswerView } from './AnswerView';
import { AskPanel } from './AskPanel';
import { DropZone } from './DropZone';
import { IngestList } from './IngestList';

/** The first view: where documents come in, and a card for each one already in LexDesk. */
export function DocumentsView({ dragging, onOpenSettings }: { dragging: boolean; onOpenSettings(): void }) {
  const { t } = useTranslation();
  const documents = useDocuments((state) => state.documents);
  const move = useHistory((state) => state.move);
  const hasIngests = useDocuments((state) => state.ingests.length > 0);
  const open = useDocuments((state) => state.open);
  const selected = useDocuments((state) => state.selected);
  const toggleSelected = useDocuments((state) => state.toggleSelected);
  const providers = useProviders((state) => state.providers);
  const language = useSettings((state) => state.settings.language);
  const empty = documents.length === 0 && !hasIngests;
  const [shown, setShown] = useState(ALL_MATTERS);
  const listed = shown === ALL_MATTERS ? documents : documents.filter((doc) => (doc.matterId ?? UNFILED) === shown);

  return (
    <div className={empty ? 'documents documents--empty' : 'documents'}>
      <DropZone compact={!empty} dragging={dragging} />
      <IngestList />
      {documents.length > 0 && <AskPanel onOpenSettings={onOpenSettings} />}
      <AnswerView />
      {documents.length > 0 && (
        <section aria-labelledby="documents-heading" className="documents__list">
          <div className="documents__heading">
            <h2 id="documents-heading" className="section-heading">
              {t('documents.title')}
            </h2>
            <MatterSelect label={t('matters.show')} allLabel={t('matters.all')} value={shown} onChange={setShown} />
          </div>
          {listed.length === 0 && <p className="field__text">{t('matters.noDocuments')}</p>}
          {listed.map((doc) => (
            <DocumentCard
              key={doc.sha256}
              document={doc}
              language={language}
              providers={providers}
              selected={selected.includes(doc.sha256)}
              onToggleSelected={() => toggleSelected(doc.sha256)}
              onOpen={() => open(doc.sha256)}
              matterControl={
                <MatterSelect
                  label={t('matters.moveTo')}
                  value={doc.matterId ?? UNFILED}
                  onChange={(key) => inBackground(move(key, { documentIds: [doc.sha256] }))}
                />
              }
            />
          ))}
        </section>
      )}
    </div>
  );
}

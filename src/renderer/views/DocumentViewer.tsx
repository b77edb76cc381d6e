import { type FormEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citedPlace } from '../../shared/citations';
import type { DocumentDetail } from '../../shared/documents';
import type { AppErrorData } from '../../shared/errors';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { SearchField } from '../components/SearchField';
import { findInPages } from '../components/viewer/find-in-text';
import { PdfView } from '../components/viewer/PdfView';
import { TextView } from '../components/viewer/TextView';
import type { ViewerHandle, ViewerTarget } from '../components/viewer/viewer-handle';
import { inBackground } from '../failures';
import { useDocuments } from '../stores/documents-store';
import { toErrorData } from '../stores/errors';

/**
 * A stored document, opened from LexDesk's own copy: go to a page, find text,
 * highlight a range; beside an answer, the place a citation points to.
 */
export function DocumentViewer({ sha256, beside = false }: { sha256: string; beside?: boolean }) {
  const { t } = useTranslation();
  const open = useDocuments((state) => state.open);
  const openAt = useDocuments((state) => state.openAt);
  const initialPage = openAt?.page ?? null;
  const viewer = useRef<ViewerHandle>(null);
  const pageFieldId = useId();
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [currentPage, setCurrentPage] = useState(initialPage ?? 1);
  const [pageField, setPageField] = useState(String(initialPage ?? 1));
  const [query, setQuery] = useState('');
  const [hitIndex, setHitIndex] = useState(-1);
  const findForm = useRef<HTMLFormElement>(null);

  // Ctrl+F (⌘F) finds in this document, not in the window around it.
  useEffect(() => {
    const focusFind = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'f') return;
      const field = findForm.current?.querySelector('input');
      if (!field) return;
      event.preventDefault();
      field.focus();
      field.select();
    };
    window.addEventListener('keydown', focusFind);
    return () => window.removeEventListener('keydown', focusFind);
  }, []);

  useEffect(() => {
    let cancelled = false;
    inBackground(
      (async () => {
        try {
          const loaded = await api.documents.get({ sha256 });
          const file = loaded.kind === 'pdf' ? await api.documents.file({ sha256 }) : null;
          if (cancelled) return;
          setDetail(loaded);
          setBytes(file);
        } catch (caught) {
          if (!cancelled) setError(toErrorData(caught));
        }
      })(),
    );
    return () => {
      cancelled = true;
    };
  }, [sha256]);

  const hits = useMemo(() => (detail ? findInPages(detail.pageTexts, query) : []), [detail, query]);

  // A search hit's words go in the find box; its page, or a citation's clause, is where the view goes.
  useEffect(() => {
    if (openAt?.find) {
      setQuery(openAt.find);
      setHitIndex(-1);
    }
  }, [openAt]);
  const target = useMemo((): ViewerTarget | null => {
    if (!detail || !openAt) return null;
    if (openAt.range) return { page: openAt.page ?? 1, range: openAt.range, seq: openAt.seq };
    if (openAt.find) {
      if (openAt.page === null) return null;
      // The hit's own page only: its offsets are still the whole text's.
      const [onPage] = findInPages(
        detail.pageTexts.filter((page) => page.page === openAt.page),
        openAt.find,
        1,
      );
      return { page: openAt.page, range: onPage ?? null, seq: openAt.seq };
    }
    const place = citedPlace(detail.pageTexts, { page: openAt.page, clause: openAt.clause ?? null });
    return place && { ...place, seq: openAt.seq };
  }, [detail, openAt]);
  useEffect(() => {
    if (!target) return;
    setCurrentPage(target.page);
    setPageField(String(target.page));
  }, [target]);

  const onPageChange = useCallback((page: number) => {
    setCurrentPage(page);
    setPageField(String(page));
  }, []);

  function goToPage(event: FormEvent) {
    event.preventDefault();
    const pages = detail?.pages ?? 1;
    const page = Math.min(pages, Math.max(1, Number.parseInt(pageField, 10) || 1));
    setPageField(String(page));
    setCurrentPage(page);
    viewer.current?.goToPage(page);
  }

  function step(direction: 1 | -1) {
    if (hits.length === 0) return;
    const next = (hitIndex + direction + hits.length) % hits.length;
    setHitIndex(next);
    const hit = hits[next];
    if (hit) viewer.current?.showRange(hit.start, hit.end);
  }

  function find(event: FormEvent) {
    event.preventDefault();
    step(1);
  }

  if (error) return <ErrorNotice error={error} />;
  if (!detail) return <p className="viewer__loading">{t('viewer.loading')}</p>;

  return (
    <section className="viewer" aria-labelledby="viewer-title">
      <header className="viewer__toolbar">
        <div className="viewer__heading">
          {beside ? (
            // Beside an answer the pane is narrow: the close button is a mark, named for screen readers.
            <button
              type="button"
              className="button button--icon"
              aria-label={t('viewer.close')}
              title={t('viewer.close')}
              onClick={() => open(null)}
            >
              ✕
            </button>
          ) : (
            <button type="button" className="button" onClick={() => open(null)}>
              {t('viewer.back')}
            </button>
          )}
          {/* One line, cut with an ellipsis; the whole name is the tooltip and what screen readers hear. */}
          <h2 id="viewer-title" className="viewer__title" title={detail.name}>
            {detail.name}
          </h2>
        </div>
        <div className="viewer__controls">
          {detail.pages !== null && (
            <form className="viewer__page" onSubmit={goToPage}>
              <label htmlFor={pageFieldId}>{t('viewer.page')}</label>
              <input
                id={pageFieldId}
                className="text-field text-field--narrow"
                inputMode="numeric"
                value={pageField}
                onChange={(event) => setPageField(event.currentTarget.value)}
              />
              <span>{t('viewer.pageOf', { pages: detail.pages })}</span>
              <button type="submit" className="button">
                {t('viewer.go')}
              </button>
            </form>
          )}
          <search className="viewer__search">
            <form className="viewer__find" onSubmit={find} ref={findForm}>
              <SearchField
                label={t('viewer.find')}
                placeholder={t('viewer.find')}
                value={query}
                onChange={(value) => {
                  setQuery(value);
                  setHitIndex(-1);
                }}
              />
              <button
                type="button"
                className="button button--icon"
                aria-label={t('viewer.findPrevious')}
                title={t('viewer.findPrevious')}
                onClick={() => step(-1)}
                disabled={hits.length === 0}
              >
                ↑
              </button>
              <button
                type="submit"
                className="button button--icon"
                aria-label={t('viewer.findNext')}
                title={t('viewer.findNext')}
                disabled={hits.length === 0}
              >
                ↓
              </button>
              <span className="viewer__hits" role="status">
                {query.trim() === ''
                  ? ''
                  : hits.length === 0
                    ? t('viewer.noHits')
                    : t('viewer.hits', { current: Math.max(hitIndex + 1, 0), total: hits.length })}
              </span>
            </form>
          </search>
        </div>
      </header>
      <div className="viewer__body" data-current-page={currentPage}>
        {detail.kind === 'pdf' && bytes ? (
          <PdfView
            ref={viewer}
            bytes={bytes}
            pageTexts={detail.pageTexts}
            target={target}
            onPageChange={onPageChange}
          />
        ) : (
          <>
            <p className="field__text">{t('viewer.textOnly')}</p>
            <TextView ref={viewer} pageTexts={detail.pageTexts} target={target} />
          </>
        )}
      </div>
    </section>
  );
}

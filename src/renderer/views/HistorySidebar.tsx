import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HIT_END, HIT_START, type SearchHit } from '../../shared/history';
import { formatCost } from '../components/format';
import { SearchField } from '../components/SearchField';
import { useDocuments } from '../stores/documents-store';
import { useHistory } from '../stores/history-store';
import { useSettings } from '../stores/settings-store';

export const HISTORY_SHOWN = 'lexdesk:history-shown';

// Rows have one height, so only those in view are rendered: 10,000 analyses scroll as lightly as ten.
const ROW_HEIGHT = 78;
const OVERSCAN = 6;

/** Past analyses, newest first, and a search over everything LexDesk keeps. */
export function HistorySidebar() {
  const { t } = useTranslation();
  // When the history is first on screen, for the load-time benchmark (bench/window.ts) and the dev tools.
  useEffect(() => {
    if (performance.getEntriesByName(HISTORY_SHOWN).length === 0) performance.mark(HISTORY_SHOWN);
  }, []);
  const query = useHistory((state) => state.query);
  const search = useHistory((state) => state.search);
  const total = useHistory((state) => state.total);

  return (
    <nav className="sidebar" aria-labelledby="history-heading">
      <h2 id="history-heading" className="sidebar__heading">
        {t('nav.history')}
      </h2>
      <SearchField
        label={t('history.search')}
        placeholder={t('history.searchPlaceholder')}
        className="sidebar__search"
        value={query}
        onChange={(value) => void search(value)}
      />
      {query.trim() !== '' ? (
        <SearchResults />
      ) : total === 0 ? (
        <div className="empty-state" role="status">
          <p className="empty-state__title">{t('history.emptyTitle')}</p>
          <p className="empty-state__body">{t('history.emptyBody')}</p>
        </div>
      ) : (
        <AnalysisList />
      )}
    </nav>
  );
}

function AnalysisList() {
  const { t } = useTranslation();
  const items = useHistory((state) => state.items);
  const loadMore = useHistory((state) => state.loadMore);
  const openAnswer = useHistory((state) => state.openAnswer);
  const openAnswerId = useHistory((state) => state.openAnswerId);
  const language = useSettings((state) => state.settings.language);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const date = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-US', {
    dateStyle: 'short',
    timeStyle: 'short',
  });

  return (
    <div
      ref={scroller}
      className="history-list"
      onScroll={(event) => {
        const element = event.currentTarget;
        setScrollTop(element.scrollTop);
        setHeight(element.clientHeight);
        if (element.scrollTop + element.clientHeight > element.scrollHeight - ROW_HEIGHT * 20) void loadMore();
      }}
    >
      {/* React sets these sizes through the CSSOM, which the Content-Security-Policy allows. */}
      <ul className="history-list__rows" aria-label={t('nav.history')} style={{ height: items.length * ROW_HEIGHT }}>
        {items.slice(first, last).map((item, index) => (
          <li
            key={item.answerId}
            className="history-row"
            style={{ transform: `translateY(${(first + index) * ROW_HEIGHT}px)` }}
          >
            <button
              type="button"
              className={
                item.answerId === openAnswerId ? 'history-row__button history-row__button--open' : 'history-row__button'
              }
              onClick={() => openAnswer(item.answerId)}
            >
              <span className="history-row__question">{item.question}</span>
              <span className="history-row__meta">
                {date.format(item.createdAt)} · {item.model}
                {item.cost !== null ? ` · ${formatCost(item.cost, item.currency, language)}` : ''}
                {item.status !== 'done' ? ` · ${t(`history.statusShort.${item.status}`)}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SearchResults() {
  const { t } = useTranslation();
  const hits = useHistory((state) => state.hits);
  const openAnswer = useHistory((state) => state.openAnswer);
  const openDocument = useDocuments((state) => state.open);
  if (hits.length === 0) return <p className="field__text">{t('history.noHits')}</p>;

  const open = (hit: SearchHit) => {
    if (hit.kind === 'answer') openAnswer(hit.answerId);
    else {
      openAnswer(null);
      openDocument(hit.sha256, hit.kind === 'page' ? hit.page : undefined);
    }
  };
  return (
    <ul className="search-hits" aria-label={t('history.search')}>
      {hits.map((hit) => (
        <li
          key={`${hit.kind}-${hit.kind === 'answer' ? hit.answerId : hit.sha256}-${hit.kind === 'page' ? hit.page : ''}`}
        >
          <button type="button" className="search-hit" onClick={() => open(hit)}>
            <span className="search-hit__kind">
              {hit.kind === 'page' ? t('history.hitPage', { page: hit.page }) : t(`history.hit.${hit.kind}`)}
            </span>
            <span className="search-hit__title">{hit.title}</span>
            <Snippet text={hit.snippet} />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A snippet with the matched words marked; the text is never parsed as HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(HIT_START);
  return (
    <span className="search-hit__snippet">
      {parts.map((part, index) => {
        const [marked, rest] = index === 0 ? ['', part] : (part.split(HIT_END) as [string, string?]);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder.
          <span key={index}>
            {marked && <mark>{marked}</mark>}
            {rest ?? ''}
          </span>
        );
      })}
    </span>
  );
}

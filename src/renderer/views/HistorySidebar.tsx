import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCutOff } from '../../shared/answers';
import { formatDateTime } from '../../shared/format';
import { HIT_END, HIT_START, type SearchHit } from '../../shared/history';
import type { Matter } from '../../shared/matters';
import { SearchField } from '../components/SearchField';
import { useMoney } from '../components/use-money';
import { inBackground } from '../failures';
import { useDocuments } from '../stores/documents-store';
import { type HistoryGroup, rowOf, UNFILED, useHistory } from '../stores/history-store';
import { useSettings } from '../stores/settings-store';
import { MatterDialog, type MatterDialogMode } from './MatterDialog';

export const HISTORY_SHOWN = 'lexdesk:history-shown';

/**
 * Marks when the history is first on screen (its first row, or the empty
 * state), for the load-time benchmark (bench/window.ts) and the dev tools.
 */
function useMarkShown(shown: boolean): void {
  useEffect(() => {
    if (shown && performance.getEntriesByName(HISTORY_SHOWN).length === 0) performance.mark(HISTORY_SHOWN);
  }, [shown]);
}

function EmptyHistory() {
  const { t } = useTranslation();
  useMarkShown(true);
  return (
    <div className="empty-state" role="status">
      <p className="empty-state__title">{t('history.emptyTitle')}</p>
      <p className="empty-state__body">{t('history.emptyBody')}</p>
    </div>
  );
}

// Rows have one height, and headers another, so only those in view are rendered: 10,000 analyses scroll as
// lightly as ten.
const ROW_HEIGHT = 78;
const HEADER_HEIGHT = 44;
const OVERSCAN = 6;

/** Past analyses, newest first, and a search over everything LexDesk keeps. */
export function HistorySidebar() {
  const { t } = useTranslation();
  const query = useHistory((state) => state.query);
  const search = useHistory((state) => state.search);
  const empty = useHistory((state) => state.matters.length === 0 && (state.groups[UNFILED]?.total ?? 0) === 0);
  const [dialog, setDialog] = useState<MatterDialogMode | null>(null);

  return (
    <nav className="sidebar" aria-labelledby="history-heading">
      <div className="sidebar__top">
        <h2 id="history-heading" className="sidebar__heading">
          {t('nav.history')}
        </h2>
        <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'create' })}>
          + {t('matters.create')}
        </button>
      </div>
      <SearchField
        label={t('history.search')}
        placeholder={t('history.searchPlaceholder')}
        className="sidebar__search"
        value={query}
        onChange={(value) => inBackground(search(value))}
      />
      {query.trim() !== '' ? (
        <>
          <SearchFilters />
          <SearchResults />
        </>
      ) : empty ? (
        <EmptyHistory />
      ) : (
        <AnswerList onManage={(matter) => setDialog({ kind: 'manage', matterId: matter.id })} />
      )}
      <MatterDialog mode={dialog} onClose={() => setDialog(null)} />
    </nav>
  );
}

interface GroupLayout {
  key: string;
  matter: Matter | null;
  /** Where the group's header starts, and its rows, in pixels from the top of the list. */
  top: number;
  rowsTop: number;
  /** Rows shown: none when collapsed. */
  rows: number;
}

/**
 * Where every group and row sits. Groups are the matters and the analyses in
 * no matter, the one with the newest work first, so the newest analysis is at
 * the top; with no matters at all there are no headers, only rows.
 */
function layoutGroups(
  matters: readonly Matter[],
  groups: Record<string, HistoryGroup>,
  collapsed: Record<string, boolean>,
  unfiledActivity: number,
): { layout: GroupLayout[]; height: number; headers: boolean } {
  const headers = matters.length > 0;
  const layout: GroupLayout[] = [];
  let y = 0;
  const entries: [string, Matter | null, number][] = matters.map((matter) => [
    matter.id,
    matter,
    matter.lastActivityAt,
  ]);
  if (!headers || (groups[UNFILED]?.total ?? 0) > 0) {
    entries.push([UNFILED, null, unfiledActivity]);
  }
  entries.sort((a, b) => b[2] - a[2]);
  for (const [key, matter] of entries) {
    const top = y;
    if (headers) y += HEADER_HEIGHT;
    const rows = collapsed[key] ? 0 : (groups[key]?.total ?? 0);
    layout.push({ key, matter, top, rowsTop: y, rows });
    y += rows * ROW_HEIGHT;
  }
  return { layout, height: y, headers };
}

function AnswerList({ onManage }: { onManage(matter: Matter): void }) {
  const { t } = useTranslation();
  const matters = useHistory((state) => state.matters);
  const groups = useHistory((state) => state.groups);
  const collapsed = useHistory((state) => state.collapsed);
  const ensureRow = useHistory((state) => state.ensureRow);
  const toggle = useHistory((state) => state.toggle);
  const openAnswer = useHistory((state) => state.openAnswer);
  const openAnswerId = useHistory((state) => state.openAnswerId);
  const language = useSettings((state) => state.settings.language);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const scroller = useRef<HTMLDivElement>(null);
  // The list's own height, as the window is resized: what is in view depends on it.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // The glossary's one format, without the year of this year: the row has one line.
  const thisYear = new Date().getFullYear();
  const money = useMoney();

  const unfiledActivity = useHistory((state) => state.unfiledActivity);
  const { layout, height: total, headers } = layoutGroups(matters, groups, collapsed, unfiledActivity);
  const viewTop = scrollTop - OVERSCAN * ROW_HEIGHT;
  const viewBottom = scrollTop + height + OVERSCAN * ROW_HEIGHT;
  const drawn: { key: string; kind: 'header' | 'row' | 'pending'; top: number; node: ReactNode }[] = [];
  // Rows in view whose page has not come yet: the group and the row's index in it.
  const missing: [string, number][] = [];

  for (const group of layout) {
    const name = group.matter?.name ?? t('matters.unfiled');
    if (headers && group.top + HEADER_HEIGHT > viewTop && group.top < viewBottom) {
      const count = groups[group.key]?.total ?? 0;
      drawn.push({
        key: `header-${group.key}`,
        kind: 'header',
        top: group.top,
        node: (
          <div className="history-group">
            <button
              type="button"
              className="history-group__toggle"
              // Its name is what it shows (the matter and its count); aria-expanded says whether it is open.
              aria-expanded={!collapsed[group.key]}
              onClick={() => toggle(group.key)}
            >
              <span className="history-group__chevron" aria-hidden="true">
                {collapsed[group.key] ? '▸' : '▾'}
              </span>
              <span className="history-group__name">{name}</span>
              <span className="history-group__count">{t('matters.analyses', { count })}</span>
            </button>
            {group.matter && (
              <button
                type="button"
                className="history-group__manage"
                aria-label={t('matters.actions', { name })}
                onClick={() => group.matter && onManage(group.matter)}
              >
                ⋯
              </button>
            )}
          </div>
        ),
      });
    }
    const first = Math.max(0, Math.floor((viewTop - group.rowsTop) / ROW_HEIGHT));
    const last = Math.min(group.rows, Math.ceil((viewBottom - group.rowsTop) / ROW_HEIGHT));
    for (let index = first; index < last; index++) {
      const item = rowOf(groups[group.key], index);
      const top = group.rowsTop + index * ROW_HEIGHT;
      if (!item) {
        missing.push([group.key, index]);
        drawn.push({
          key: `pending-${group.key}-${index}`,
          kind: 'pending',
          top,
          node: <span className="history-row__pending">{t('matters.loadingRow')}</span>,
        });
        continue;
      }
      drawn.push({
        key: item.answerId,
        kind: 'row',
        top,
        node: (
          <button
            type="button"
            className={
              item.answerId === openAnswerId ? 'history-row__button history-row__button--open' : 'history-row__button'
            }
            onClick={() => openAnswer(item.answerId)}
          >
            <span className="history-row__question">{item.question}</span>
            <span className="history-row__meta">
              {/* Date and cost first: a long document name is what the ellipsis cuts. */}
              {formatDateTime(item.createdAt, language, thisYear)}
              {item.cost !== null ? ` · ${money(item.cost, item.currency)}` : ''}
              {isCutOff(item)
                ? ` · ${t('history.statusShort.cutOff')}`
                : item.status !== 'done'
                  ? ` · ${t(`history.statusShort.${item.status}`)}`
                  : ''}
              {item.coverage === 'partial'
                ? ` · ${t('history.statusShort.partial')}`
                : item.readBy === 'map-reduce'
                  ? ` · ${t('history.statusShort.inParts')}`
                  : ''}
              {item.documentName
                ? ` · ${item.documentName}${item.documentCount > 1 ? ` ${t('history.andMore', { count: item.documentCount - 1 })}` : ''}`
                : ''}
            </span>
          </button>
        ),
      });
    }
  }

  useMarkShown(drawn.some((entry) => entry.kind === 'row'));

  // After each draw: the missing rows' pages are fetched, each page once however often it is asked for.
  useEffect(() => {
    for (const [key, index] of missing) ensureRow(key, index);
  });

  return (
    <div ref={scroller} className="history-list" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      {/* React sets these sizes through the CSSOM, which the Content-Security-Policy allows. */}
      <ul className="history-list__rows" aria-label={t('nav.history')} style={{ height: total }}>
        {drawn.map((entry) => (
          <li
            key={entry.key}
            className={entry.kind === 'header' ? 'history-row history-row--header' : 'history-row'}
            style={{ transform: `translateY(${entry.top}px)` }}
          >
            {entry.node}
          </li>
        ))}
      </ul>
    </div>
  );
}

const SEARCH_KINDS = ['all', 'answer', 'document', 'page'] as const;

/** What the search looks in: a kind of hit, and one document or all. */
function SearchFilters() {
  const { t } = useTranslation();
  const filter = useHistory((state) => state.searchFilter);
  const setFilter = useHistory((state) => state.setSearchFilter);
  const documents = useDocuments((state) => state.documents);
  const kindId = useId();
  const documentId = useId();
  return (
    <div className="search-filters">
      <label htmlFor={kindId}>{t('history.filterKind')}</label>
      <select
        id={kindId}
        className="text-field search-filters__select"
        value={filter.kind ?? 'all'}
        onChange={(event) => {
          const kind = SEARCH_KINDS.find((option) => option === event.currentTarget.value) ?? 'all';
          inBackground(setFilter({ kind: kind === 'all' ? null : kind }));
        }}
      >
        {SEARCH_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`history.filterKinds.${kind}`)}
          </option>
        ))}
      </select>
      <label htmlFor={documentId}>{t('history.filterDocument')}</label>
      <select
        id={documentId}
        className="text-field search-filters__select"
        value={filter.documentId ?? ''}
        onChange={(event) => inBackground(setFilter({ documentId: event.currentTarget.value || null }))}
      >
        <option value="">{t('history.filterAllDocuments')}</option>
        {documents.map((doc) => (
          <option key={doc.sha256} value={doc.sha256}>
            {doc.name}
          </option>
        ))}
      </select>
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
      openDocument(hit.sha256, hit.kind === 'page' ? { page: hit.page, find: markedWords(hit.snippet) } : undefined);
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

/**
 * The longest run of words the search marked in a snippet (each word is marked
 * on its own), as the document writes them, accents and all.
 */
function markedWords(snippet: string): string {
  const runs = snippet
    .split(new RegExp(`${HIT_END}(\\s+)${HIT_START}`, 'u'))
    .join('')
    .split(HIT_START)
    .slice(1)
    .map((part) => (part.split(HIT_END)[0] ?? '').replace(/\s+/gu, ' ').trim());
  return runs.reduce((longest, run) => (run.length > longest.length ? run : longest), '');
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

import { type KeyboardEvent, type PointerEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Below this width (a window zoomed in, say) the two panes are tabs: neither would be readable as a column. */
export const TABS_BELOW_PX = 640;
/** The answer's share of the width: never so narrow nor so wide that the other pane cannot be read. */
const MIN_SHARE = 0.3;
const MAX_SHARE = 0.7;
const KEY_STEP = 0.05;

// The share the lawyer last dragged to, kept while the window is open.
let lastShare = 0.45;

/**
 * The answer and a document side by side, each scrolling on its own, with a
 * separator to drag (or move with the arrow keys) between them. Narrower than
 * TABS_BELOW_PX, one pane at a time under two tabs; `showDocument` changing
 * (a citation clicked) brings the document's tab forward.
 */
export function SplitView({
  answer,
  document,
  showDocument,
}: {
  answer: ReactNode;
  document: ReactNode;
  showDocument: number;
}) {
  const { t } = useTranslation();
  const root = useRef<HTMLElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  const [share, setShare] = useState(lastShare);
  const [tab, setTab] = useState<'answer' | 'document'>('document');
  const ids = useId();

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? null));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new citation is the trigger, not a value read.
  useEffect(() => setTab('document'), [showDocument]);

  const place = (next: number) => {
    const clamped = Math.min(MAX_SHARE, Math.max(MIN_SHARE, next));
    lastShare = clamped;
    setShare(clamped);
  };

  const drag = (event: PointerEvent<HTMLDivElement>) => {
    const element = root.current;
    if (!element || event.buttons !== 1) return;
    const box = element.getBoundingClientRect();
    place((event.clientX - box.left) / box.width);
  };

  const keys = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: share - KEY_STEP,
      ArrowRight: share + KEY_STEP,
      Home: MIN_SHARE,
      End: MAX_SHARE,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    place(next);
  };

  const tabs = width !== null && width < TABS_BELOW_PX;
  if (tabs) {
    const panes = { answer, document };
    return (
      <section className="split split--tabs" ref={root} aria-label={t('split.label')}>
        <div className="split__tabs" role="tablist">
          {(['answer', 'document'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${ids}-${name}-tab`}
              aria-controls={`${ids}-${name}`}
              aria-selected={tab === name}
              className="split__tab"
              onClick={() => setTab(name)}
            >
              {t(`split.${name}`)}
            </button>
          ))}
        </div>
        <div className="split__pane" role="tabpanel" id={`${ids}-${tab}`} aria-labelledby={`${ids}-${tab}-tab`}>
          {panes[tab]}
        </div>
      </section>
    );
  }

  return (
    <section
      className="split"
      ref={root}
      aria-label={t('split.label')}
      style={{ gridTemplateColumns: `minmax(0, ${share}fr) 10px minmax(0, ${1 - share}fr)` }}
    >
      <div className="split__pane split__pane--answer" id={`${ids}-answer`}>
        {answer}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a movable separator is a focusable div with role="separator" (WAI-ARIA window splitter). */}
      <div
        className="split__handle"
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label={t('split.resize')}
        aria-controls={`${ids}-answer`}
        aria-valuemin={MIN_SHARE * 100}
        aria-valuemax={MAX_SHARE * 100}
        aria-valuenow={Math.round(share * 100)}
        onPointerDown={(event) => event.currentTarget.setPointerCapture(event.pointerId)}
        onPointerMove={drag}
        onKeyDown={keys}
      />
      <div className="split__pane split__pane--document">{document}</div>
    </section>
  );
}

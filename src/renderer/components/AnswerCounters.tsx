import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatSeconds } from '../../shared/format';
import type { Language } from '../../shared/language';
import type { LiveAnswer } from '../stores/ask-store';
import { useMoney } from './use-money';

/** Live counters of a streaming answer: tokens, first-token time, elapsed time, speed, cost so far. */
export function AnswerCounters({
  live,
  currency,
  language,
}: {
  live: LiveAnswer;
  currency: string;
  language: Language;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const running = live.finishedAt === null;
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    // A tenth of a second is as fine as a person reads a running clock.
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [running]);

  const elapsedMs = (live.finishedAt ?? now) - live.sentAt;
  const generatingMs = live.ttftMs === null ? 0 : elapsedMs - live.ttftMs;
  const speed = generatingMs > 250 ? live.outputTokens / (generatingMs / 1000) : null;
  const seconds = (ms: number) => t('ask.seconds', { n: formatSeconds(ms, language) });
  const approx = (exact: boolean) => (exact ? '' : '≈ ');

  const counters: [string, string, string][] = [
    ['input', t('ask.counters.input'), `${approx(live.inputExact)}${formatNumber(live.inputTokens, language)}`],
    // What the provider billed at its cached price: the documents of a thread, sent again as the same start.
    ['cached', t('ask.counters.cached'), live.inputExact ? formatNumber(live.cachedInputTokens, language) : '—'],
    ['output', t('ask.counters.output'), `${approx(live.outputExact)}${formatNumber(live.outputTokens, language)}`],
    ['ttft', t('ask.counters.ttft'), live.ttftMs === null ? '—' : seconds(live.ttftMs)],
    ['elapsed', t('ask.counters.elapsed'), seconds(elapsedMs)],
    [
      'speed',
      t('ask.counters.speed'),
      speed === null ? '—' : t('ask.perSecond', { n: formatNumber(Math.round(speed), language) }),
    ],
    ['cost', t('ask.counters.cost'), `${approx(live.costExact)}${money(live.cost, currency)}`],
  ];
  return (
    <dl className="counters">
      {counters.map(([id, label, value]) => (
        <div key={id} className="counters__item" data-counter={id}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

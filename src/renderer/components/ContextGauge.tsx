interface ContextGaugeProps {
  /** Share of the context window filled; over 1 means it does not fit. */
  fill: number;
  fits: boolean;
  label: string;
}

/** How much of a model's context window a request fills; red when it does not fit. */
export function ContextGauge({ fill, fits, label }: ContextGaugeProps) {
  return (
    <meter
      className={fits ? 'gauge' : 'gauge gauge--over'}
      aria-label={label}
      min={0}
      max={1}
      value={Math.min(fill, 1)}
    />
  );
}

interface ChoiceGroupProps<T extends string> {
  legend: string;
  /** The radio buttons' shared `name`. */
  name: string;
  options: readonly T[];
  value: T;
  labelOf(option: T): string;
  /** Set as `lang` on each label, for options named in their own language. */
  langOf?: (option: T) => string;
  onChange(option: T): void;
}

/** A labelled group of radio buttons, one per option; arrow keys move between them. */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  options,
  value,
  labelOf,
  langOf,
  onChange,
}: ChoiceGroupProps<T>) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="choice" lang={langOf?.(option)}>
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {labelOf(option)}
        </label>
      ))}
    </fieldset>
  );
}

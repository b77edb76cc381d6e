import { useId } from 'react';

interface SearchFieldProps {
  label: string;
  placeholder: string;
  value: string;
  className?: string;
  onChange(value: string): void;
}

/** A search box with a label for screen readers (the placeholder says the same to the eye). */
export function SearchField({ label, placeholder, value, className = '', onChange }: SearchFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className={`text-field ${className}`.trim()}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </>
  );
}

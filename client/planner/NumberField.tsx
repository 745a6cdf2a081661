import { useEffect, useState } from 'react';

interface Props {
  readonly value: number | null;
  /** Called with the typed number, or null when the box is emptied. */
  readonly onChange: (value: number | null) => void;
  readonly disabled?: boolean;
  readonly step?: number;
  readonly testId?: string;
  readonly label: string;
  readonly placeholder?: string;
}

/**
 * A number box that keeps what is being typed ("1.", "-") and passes on every parseable value
 * at once, so results follow each keystroke; out-of-range values go through, for the scenario
 * schema to name.
 */
export function NumberField({
  value,
  onChange,
  disabled,
  step,
  testId,
  label,
  placeholder,
}: Props) {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    setText((shown) =>
      Number(shown) === value && shown !== '' ? shown : (value ?? '').toString(),
    );
  }, [value]);
  return (
    <input
      className="planner-number"
      type="number"
      inputMode="decimal"
      aria-label={label}
      value={text}
      step={step ?? 'any'}
      disabled={disabled}
      placeholder={placeholder}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() === '') onChange(null);
        else if (Number.isFinite(e.target.valueAsNumber)) onChange(e.target.valueAsNumber);
      }}
    />
  );
}

import { createContext, useContext, useEffect, useState } from 'react';

/** Scenario paths the schema refused, for the form to mark their fields invalid. */
export const InvalidPaths = createContext<ReadonlySet<string>>(new Set());

interface Props {
  readonly value: number | null;
  /** Called with the typed number, or null when the box is emptied. */
  readonly onChange: (value: number | null) => void;
  readonly disabled?: boolean;
  readonly step?: number;
  readonly testId?: string;
  readonly label: string;
  readonly placeholder?: string;
  /** The scenario path the box edits, e.g. `tariff.waterYuanPerM3`. */
  readonly path?: string | undefined;
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
  path,
}: Props) {
  const invalidPaths = useContext(InvalidPaths);
  const invalid = path !== undefined && invalidPaths.has(path);
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
      aria-invalid={invalid || undefined}
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

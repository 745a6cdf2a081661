import { type ReactNode, useId } from 'react';

/** A labelled control of the planner form. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child
    <label className="planner-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

interface CheckProps {
  readonly label: string;
  readonly checked: boolean;
  readonly disabled: boolean;
  readonly testId?: string | undefined;
  readonly onChange: (checked: boolean) => void;
}

export function Check({ label, checked, disabled, testId, onChange }: CheckProps) {
  return (
    <label className="planner-check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

interface ChoiceGroupProps<T extends string> {
  /** What is chosen, e.g. "Sources". */
  readonly legend: string;
  readonly options: readonly T[];
  readonly chosen: readonly T[];
  readonly label: (option: T) => string;
  readonly disabled: boolean;
  /** `one`: exactly one option (radio buttons); `many`: any of them (check boxes). */
  readonly mode: 'one' | 'many';
  readonly testId?: (option: T) => string;
  readonly onChange: (chosen: readonly T[]) => void;
}

/** A row of check boxes or radio buttons under a short legend. */
export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>) {
  const { legend, options, chosen, label, disabled, mode, testId, onChange } = props;
  const name = useId();
  const toggle = (option: T, on: boolean) => {
    if (mode === 'one') onChange([option]);
    else onChange(on ? [...chosen, option] : chosen.filter((x) => x !== option));
  };
  return (
    <fieldset className="planner-choices" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="planner-check">
          <input
            type={mode === 'one' ? 'radio' : 'checkbox'}
            name={mode === 'one' ? name : undefined}
            checked={chosen.includes(option)}
            data-testid={testId?.(option)}
            onChange={(e) => toggle(option, e.target.checked)}
          />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}

import type { InputHTMLAttributes, ReactNode } from 'react';
import { controlProps, FieldMessage, messagesOf, type FieldState } from './field';

type CheckboxProps = {
  field: FieldState;
  label: ReactNode;
  /** What the box sends when ticked (`on` unless said). */
  value?: string;
  errors?: string[] | undefined;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type' | 'value'>;

/**
 * A box to tick, its words after it; a message under it only when there is one. Boxes sharing
 * a name (a list of choices) each pass their `value` and `defaultChecked`.
 */
export function CheckboxField({
  field,
  label,
  value = 'on',
  errors,
  className = 'checkbox',
  ...input
}: CheckboxProps) {
  const messages = messagesOf(field, errors);
  const checked =
    'checked' in input || 'defaultChecked' in input
      ? {}
      : { defaultChecked: field.defaultValue === value };
  const control = controlProps(field, false, messages);
  return (
    <>
      <label className={className}>
        <input
          key={field.key}
          type="checkbox"
          value={value}
          {...checked}
          {...input}
          {...control}
          id={value === 'on' ? control.id : `${control.id}-${value}`}
        />{' '}
        {label}
      </label>
      {messages.length > 0 ? <FieldMessage field={field} messages={messages} /> : null}
    </>
  );
}

export type Choice = { value: string; label: ReactNode };

/**
 * One choice among a few, as radio buttons in a fieldset whose legend names them; the form's
 * value (`fields.x.value`) says which is chosen while the person changes it.
 */
export function ChoiceField({
  field,
  legend,
  choices,
  errors,
  hideLegend,
  hint,
  className = 'field',
  choiceClassName = 'field-inline',
  onChoose,
  children,
}: {
  field: FieldState;
  legend: ReactNode;
  choices: readonly Choice[];
  errors?: string[] | undefined;
  /** The legend is read by screen readers only. */
  hideLegend?: boolean;
  /** Said under the legend and read with the group. */
  hint?: ReactNode;
  className?: string;
  choiceClassName?: string;
  /** Told of each choice as it is made (the form still sends the chosen value). */
  onChoose?: (value: string) => void;
  /** What follows the choices inside the group (the amount of an "another amount" choice). */
  children?: ReactNode;
}) {
  const messages = messagesOf(field, errors);
  const { 'aria-invalid': invalid, 'aria-describedby': describedBy } = controlProps(
    field,
    Boolean(hint),
    messages,
  );
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {hint ? (
        <p id={field.descriptionId} className="muted small">
          {hint}
        </p>
      ) : null}
      {choices.map((choice) => (
        <label key={choice.value} className={choiceClassName}>
          <input
            key={field.key}
            type="radio"
            id={`${field.id}-${choice.value}`}
            name={field.name}
            value={choice.value}
            defaultChecked={field.defaultValue === choice.value}
            aria-invalid={invalid}
            onChange={onChoose ? () => onChoose(choice.value) : undefined}
          />{' '}
          {choice.label}
        </label>
      ))}
      {children}
      <FieldMessage field={field} messages={messages} />
    </fieldset>
  );
}

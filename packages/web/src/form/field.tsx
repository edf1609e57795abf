import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

/**
 * What a field needs to wire its label, hint and message: the form library's field metadata
 * (`fields.name` of `useApiForm`) fits it, and so does `fieldOf(id)` for a control outside one.
 */
export type FieldState = {
  id: string;
  name: string;
  errorId: string;
  descriptionId: string;
  errors?: string[] | undefined;
  /** Changes when the form resets a field, so its uncontrolled control starts again. */
  key?: string | undefined;
  defaultValue?: string | undefined;
  defaultChecked?: boolean | undefined;
};

/** A field that is not part of a form library's form (a lone control, a filter). */
export function fieldOf(id: string, name = id): FieldState {
  return { id, name, errorId: `${id}-error`, descriptionId: `${id}-hint` };
}

type Frame = {
  field: FieldState;
  label: ReactNode;
  /** Said under the label and read with the control (aria-describedby). */
  hint?: ReactNode;
  /** Messages from elsewhere (a quote refusing the postcode), shown instead of the form's. */
  errors?: string[] | undefined;
  /** The label is read by screen readers only (the control's placeholder shows its purpose). */
  hideLabel?: boolean;
  /**
   * Label beside the control, as in a toolbar; the message line is there only while there is
   * a message (a lone control in a row of buttons has none to reserve room for).
   */
  inline?: boolean;
  className?: string;
};

/** The messages a field shows: the caller's, else the form's, each once. */
export function messagesOf(field: FieldState, errors?: string[]): string[] {
  return [...new Set(errors ?? field.errors ?? [])];
}

/** The id, name and ARIA attributes of a field's control. */
export function controlProps(field: FieldState, hint: boolean, messages: readonly string[]) {
  const invalid = messages.length > 0;
  const describedBy = [hint ? field.descriptionId : '', invalid ? field.errorId : '']
    .filter(Boolean)
    .join(' ');
  return {
    id: field.id,
    name: field.name,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

/** A field's message line: always there, so a message appearing never shifts the layout. */
export function FieldMessage({ field, messages }: { field: FieldState; messages: string[] }) {
  return (
    <p id={field.errorId} className="field-error" aria-live="polite">
      {messages.join(' ')}
    </p>
  );
}

function FieldFrame({
  field,
  label,
  hint,
  hideLabel,
  inline,
  className,
  messages,
  children,
}: Frame & { messages: string[]; children: ReactNode }) {
  const classes = ['field', inline ? 'field-inline' : '', className ?? ''].filter(Boolean);
  return (
    <div className={classes.join(' ')}>
      <label htmlFor={field.id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {hint ? (
        <p id={field.descriptionId} className="small muted">
          {hint}
        </p>
      ) : null}
      {children}
      {inline && messages.length === 0 ? null : <FieldMessage field={field} messages={messages} />}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>;

/**
 * The one field block of both apps: label, hint, control and message, with the control's id,
 * `aria-describedby` (hint and message) and `aria-invalid` wired. An input by default; the
 * variants below are the same block around a select, a textarea or an amount.
 */
export function Field({
  field,
  label,
  hint,
  errors,
  hideLabel,
  inline,
  className,
  ...input
}: Frame & InputProps) {
  const messages = messagesOf(field, errors);
  const value = 'value' in input ? {} : { defaultValue: field.defaultValue };
  return (
    <FieldFrame {...{ field, label, hint, hideLabel, inline, className, messages }}>
      <input
        key={field.key}
        {...value}
        {...input}
        {...controlProps(field, Boolean(hint), messages)}
      />
    </FieldFrame>
  );
}

/**
 * An amount typed in the major units of `currency` ("85.50", "5000" for yen): the form's
 * mapper reads it with `fromMajorUnits` and its default is written with `toMajorUnits`, so no
 * form divides by 100.
 */
export function MoneyField({ currency, ...props }: Frame & InputProps & { currency: string }) {
  return <Field inputMode="decimal" autoComplete="off" data-currency={currency} {...props} />;
}

export function SelectField({
  field,
  label,
  hint,
  errors,
  hideLabel,
  inline,
  className,
  children,
  ...select
}: Frame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'>) {
  const messages = messagesOf(field, errors);
  const value = 'value' in select ? {} : { defaultValue: field.defaultValue };
  return (
    <FieldFrame {...{ field, label, hint, hideLabel, inline, className, messages }}>
      <select
        key={field.key}
        {...value}
        {...select}
        {...controlProps(field, Boolean(hint), messages)}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextareaField({
  field,
  label,
  hint,
  errors,
  hideLabel,
  inline,
  className,
  ...textarea
}: Frame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'>) {
  const messages = messagesOf(field, errors);
  const value = 'value' in textarea ? {} : { defaultValue: field.defaultValue };
  return (
    <FieldFrame {...{ field, label, hint, hideLabel, inline, className, messages }}>
      <textarea
        key={field.key}
        {...value}
        {...textarea}
        {...controlProps(field, Boolean(hint), messages)}
      />
    </FieldFrame>
  );
}

'use client';

import {
  getFormProps,
  parse,
  useForm,
  type DefaultValue,
  type SubmissionResult,
} from '@conform-to/react';
import { useMemo, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { toFieldErrors, type FieldErrors } from './field-errors';

export type ApiFormOptions<Values extends Record<string, unknown>, Body> = {
  /** The form element's id, unique on the page; its fields' ids start with it. */
  id: string;
  /** What the fields hold first, as text (a `to…Values` mapper of the record edited). */
  defaultValue?: DefaultValue<Values>;
  /** The form's text → the request body: the pure `to…Input` mapper beside the form. */
  toInput: (values: Values) => Body;
  /**
   * The API's own schema for the body, checked in the browser before `onValid` (and, with
   * `validateOn: 'blur'`, as each field is left); without it the API (or the typed client's
   * check) answers and `error` brings its messages.
   */
  schema?: z.ZodType | undefined;
  validateOn?: 'submit' | 'blur';
  /** The body of a valid form; the page does not reload. */
  onValid: (body: Body, event: FormEvent<HTMLFormElement>) => void;
  /** The last refusal (a mutation's error): a 400's messages show under their fields. */
  error?: unknown;
};

function toResult(errors: FieldErrors): SubmissionResult<string[]> | undefined {
  const names = Object.keys(errors);
  if (names.length === 0) return undefined;
  return {
    status: 'error',
    error: errors,
    // Shown at once, even on fields the person has not touched.
    state: { validated: Object.fromEntries(names.map((name) => [name, true])) },
  };
}

/** Messages of this form's own fields (or their lists): a body's other paths are the API's. */
function ofFields(form: HTMLFormElement, errors: FieldErrors): FieldErrors {
  const names = [...form.elements].flatMap((element) =>
    'name' in element && typeof element.name === 'string' && element.name ? [element.name] : [],
  );
  return Object.fromEntries(
    Object.entries(errors).filter(([name]) =>
      names.some(
        (field) => field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`),
      ),
    ),
  );
}

/**
 * The one form approach of both apps (Conform, decision 28): the form's fields are read as
 * FormData, mapped by `toInput` to the API's body and, with `schema`, checked by the API's own
 * zod schema; a refusal's field messages come back through `error`. Focus moves to the first
 * field in error. Returns the form's and the fields' metadata for `Field` and its variants.
 */
export function useApiForm<Values extends Record<string, unknown>, Body>(
  options: ApiFormOptions<Values, Body>,
) {
  const { id, defaultValue, toInput, schema, validateOn = 'submit', onValid, error } = options;
  // Messages found after a submit that passed the checks here (a schema that arrived late).
  const [reported, setReported] = useState<{ result: SubmissionResult<string[]>; on: unknown }>();
  const fromError = useMemo(() => toResult(toFieldErrors(error)), [error]);
  const lastResult = reported && reported.on === error ? reported.result : fromError;

  const [form, fields] = useForm<Values, Body>({
    id,
    defaultValue,
    lastResult,
    shouldValidate: validateOn === 'blur' ? 'onBlur' : 'onSubmit',
    shouldRevalidate: validateOn === 'blur' ? 'onInput' : 'onSubmit',
    onValidate: ({ form: element, formData }) =>
      parse<Body, string[]>(formData, {
        resolve: (payload, intent) => {
          // A list change or a reset is not a submission: nothing to check yet.
          if (intent && intent.type !== 'validate') return {};
          // The payload is this form's own fields, as text: the shape `Values` describes.
          const body = toInput(payload as Values);
          const checked = schema?.safeParse(body);
          if (!checked || checked.success) return { value: body };
          const errors = ofFields(element, toFieldErrors(checked.error));
          return Object.keys(errors).length > 0 ? { error: errors } : { value: body };
        },
      }),
    onSubmit: (event, { submission }) => {
      event.preventDefault();
      if (submission?.status === 'success') onValid(submission.value, event);
    },
  });

  return {
    form,
    fields,
    /** The `<form>`'s id, submit handler and `noValidate`. */
    formProps: getFormProps(form),
    /** Shows messages found outside the checks above (focus moves to the first). */
    report: (errors: FieldErrors) => {
      const result = toResult(errors);
      if (result) setReported({ result, on: error });
    },
  };
}

/** The fields of a `useApiForm` form, for the parts of a form split into components. */
export type ApiFormFields<Values extends Record<string, unknown>> = ReturnType<
  typeof useApiForm<Values, unknown>
>['fields'];

/** The form itself (its list intents: `insert`, `remove`), for the same parts. */
export type ApiForm<Values extends Record<string, unknown>> = ReturnType<
  typeof useApiForm<Values, unknown>
>['form'];

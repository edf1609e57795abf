'use client';

/** A field's message from the API, where fieldAttributes points its aria-describedby. */
export function FieldError({
  errors,
  name,
  prefix,
  as: Element = 'span',
}: {
  errors: Record<string, string>;
  name: string;
  prefix: string;
  as?: 'span' | 'p';
}) {
  return errors[name] ? (
    <Element className="field-error" id={`${prefix}-${name}-error`}>
      {errors[name]}
    </Element>
  ) : null;
}

/** What the last action did (read out politely), and why it failed when it did. */
export function ActionNotices({ notice, error }: { notice: string; error: Error | null }) {
  return (
    <>
      <div role="status" className="small">
        {notice}
      </div>
      {error ? (
        <p className="notice error" role="alert">
          {error.message}
        </p>
      ) : null}
    </>
  );
}

'use client';

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

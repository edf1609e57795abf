'use client';

import { useEffect } from 'react';

export type ToastMessage = {
  id: number;
  kind: 'success' | 'error';
  text: string;
  undo?: () => void;
};

/**
 * One message at a time at the bottom of the screen, read out by screen readers; an Undo
 * button (also Ctrl/Cmd+Z) while the last move can be taken back. Disappears after 10 s.
 */
export function Toast({
  toast,
  onDismiss,
}: {
  toast: ToastMessage | undefined;
  onDismiss: () => void;
}) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, 10_000);
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select')) return;
      if (toast.undo && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        toast.undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [toast, onDismiss]);

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast ? (
        <div className={`toast toast-${toast.kind}`} key={toast.id}>
          <span>{toast.text}</span>
          {toast.undo ? (
            <button type="button" className="link-button" onClick={toast.undo}>
              Undo
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

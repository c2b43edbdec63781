import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** Escape or the close button call this; absent for a dialog the user cannot dismiss (the lock). */
  onClose?: () => void;
  className?: string;
}

/**
 * A modal dialog on the browser's own <dialog>: the rest of the page is inert while it is open,
 * Escape closes it, and opening it focuses its first field or button (so put first what the user
 * starts with). One that cannot be dismissed reopens itself if the browser closes it anyway.
 */
export function Dialog({ title, children, onClose, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const mounted = useRef(false);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current!;
    mounted.current = true;
    if (!dialog.open) dialog.showModal();
    return () => {
      mounted.current = false;
      dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current?.();
      }}
      onClose={() => {
        if (!mounted.current) return;
        if (onCloseRef.current) onCloseRef.current();
        else ref.current?.showModal();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
      {/* Last in the document so that opening focuses the content; shown at the top right. */}
      {onClose ? (
        <button type="button" className="link dialog-close" onClick={onClose}>
          Fermer ✕
        </button>
      ) : null}
    </dialog>
  );
}

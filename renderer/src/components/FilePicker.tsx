import { useId } from 'react';

/**
 * A file chooser that speaks French whatever the system's language (the browser's own button
 * follows the operating system). The native input stays, visually hidden, for the keyboard.
 */
export function FilePicker({
  label,
  accept,
  file,
  onChange,
}: {
  label: string;
  accept: string;
  file: File | null;
  onChange(file: File | null): void;
}) {
  const id = useId();
  return (
    <span className="file-picker">
      <input id={id} type="file" accept={accept} aria-label={label} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
      <label htmlFor={id} className="button-like">
        Choisir un fichier…
      </label>
      <span className={file ? undefined : 'muted'}>{file ? file.name : 'Aucun fichier choisi'}</span>
    </span>
  );
}

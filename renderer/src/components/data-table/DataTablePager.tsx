interface Props {
  label: string;
  pageIndex: number;
  pageCount: number;
  onPage(pageIndex: number): void;
}

/** Previous and next page, and where we are; shown only when there is more than one page. */
export function DataTablePager({ label, pageIndex, pageCount, onPage }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label={`Pages : ${label}`}>
      <button type="button" disabled={pageIndex === 0} onClick={() => onPage(pageIndex - 1)}>
        ‹ Précédente
      </button>
      <span>
        Page {pageIndex + 1} sur {pageCount}
      </span>
      <button type="button" disabled={pageIndex + 1 >= pageCount} onClick={() => onPage(pageIndex + 1)}>
        Suivante ›
      </button>
    </nav>
  );
}

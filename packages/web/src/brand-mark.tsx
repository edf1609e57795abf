/** A small flame mark (inline SVG: no emoji font or network needed). */
export function BrandMark() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" className="brand-mark">
      <path
        fill="currentColor"
        d="M12 2c.6 3.2-1.2 5-2.7 6.6C7.7 10.3 6 12.1 6 15a6 6 0 0 0 12 0c0-2.6-1.3-4.3-2.4-5.6-.2 1.4-.9 2.5-2 3 .5-3.6-.5-7.5-1.6-10.4Z"
      />
    </svg>
  );
}

import Link from 'next/link';

/** Both apps' not-found page. */
export function NotFoundPage() {
  return (
    <section className="panel">
      <h1>Page not found</h1>
      <p>We could not find that page.</p>
      <Link className="button" href="/">
        Back to the start
      </Link>
    </section>
  );
}

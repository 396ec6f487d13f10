import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="empty-page">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. Model pages are <code>/models/organisation/name</code>, organisation
        pages <code>/orgs/slug</code>.
      </p>
      <p>
        <Link href="/">Back to the leaderboard</Link>
      </p>
    </section>
  );
}

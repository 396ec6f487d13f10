import Link from 'next/link';

export default function OrgNotFound() {
  return (
    <section className="empty-page">
      <h1>Organisation not found</h1>
      <p>
        Organisations are addressed by a short lower-case slug such as <Link href="/orgs/meta">meta</Link> or{' '}
        <Link href="/orgs/qwen">qwen</Link>; several Hub accounts can belong to one organisation.
      </p>
      <p>
        <Link href="/orgs">See every organisation</Link>
      </p>
    </section>
  );
}

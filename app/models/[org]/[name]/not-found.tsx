import Link from 'next/link';

export default function ModelNotFound() {
  return (
    <section className="empty-page">
      <h1>Model not found</h1>
      <p>
        We have no base model with this id. Ids are <code>organisation/name</code> as on Hugging Face, for
        example <Link href="/models/Qwen/Qwen1.5-0.5B">Qwen/Qwen1.5-0.5B</Link>. Only base models (not their
        fine-tunes) have pages.
      </p>
      <p>
        <Link href="/">Search the leaderboard</Link> or <Link href="/orgs">browse organisations</Link>.
      </p>
    </section>
  );
}

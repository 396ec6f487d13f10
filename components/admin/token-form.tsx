'use client';

import { type FormEvent, useState } from 'react';

/** Asks for the admin token (ADMIN_TOKEN of the server); the server checks it on every action. */
export function TokenForm({ onToken }: { onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onToken(value.trim());
  };
  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="token-title">
      <h2 id="token-title">Admin token</h2>
      <p className="muted">
        Starting jobs and editing organisations needs the server's <code>ADMIN_TOKEN</code>. It is kept in
        this tab only (sessionStorage) and sent as <code>Authorization: Bearer</code>.
      </p>
      <div className="control-row">
        <label className="field">
          Token
          <input
            type="password"
            autoComplete="off"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            required
          />
        </label>
        <button type="submit" className="button">
          Use token
        </button>
      </div>
    </form>
  );
}

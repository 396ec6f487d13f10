'use client';

import { JobForms } from './job-forms.tsx';
import { JobsList } from './jobs-list.tsx';
import { OrgAuthorsEditor } from './org-authors-editor.tsx';
import { TokenForm } from './token-form.tsx';
import { useAdminToken } from './use-admin-token.ts';

/** Admin actions: start crawls, imports and refits, follow the jobs, edit organisation authors. */
export function AdminView() {
  const [token, setToken] = useAdminToken();
  return (
    <div className="stack">
      <header className="page-header">
        <p className="eyebrow">
          <a href="/admin">Admin</a>
        </p>
        <h1>Admin</h1>
        <p className="lead">
          Start crawls, imports and refits, and edit which Hub authors form each organisation.
        </p>
      </header>
      {token ? (
        <>
          <div className="control-row">
            <span className="muted small">Using the admin token of this tab.</span>
            <button type="button" className="button-small" onClick={() => setToken(null)}>
              Forget token
            </button>
          </div>
          <div className="two-col">
            <JobForms token={token} />
            <OrgAuthorsEditor token={token} />
          </div>
        </>
      ) : (
        <TokenForm onToken={setToken} />
      )}
      <JobsList />
    </div>
  );
}

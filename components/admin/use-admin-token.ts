'use client';

import { useCallback, useEffect, useState } from 'react';

const KEY = 'model-growth.admin-token';

/** The admin token, kept in sessionStorage: it survives reloads but not the browser tab. */
export function useAdminToken(): [string | null, (token: string | null) => void] {
  const [token, setState] = useState<string | null>(null);
  useEffect(() => {
    setState(window.sessionStorage.getItem(KEY));
  }, []);
  const setToken = useCallback((next: string | null) => {
    if (next) window.sessionStorage.setItem(KEY, next);
    else window.sessionStorage.removeItem(KEY);
    setState(next);
  }, []);
  return [token, setToken];
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgAuthorsBody, OrgAuthorsResult } from '@/lib/schemas/orgs.ts';
import { apiSend } from './api-fetch.ts';

/** PUT /api/orgs/{slug}/authors (admin): replaces an organisation's Hub authors; refreshes organisation views. */
export function useSetOrgAuthors(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, authors }: { slug: string } & OrgAuthorsBody) =>
      apiSend<OrgAuthorsResult>(`/api/orgs/${encodeURIComponent(slug)}/authors`, 'PUT', { authors }, token),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['orgs'] });
      await client.invalidateQueries({ queryKey: ['org'] });
    },
  });
}

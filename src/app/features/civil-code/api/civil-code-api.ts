import { lawContract } from '@core/law/contract';
import { LawContentsSchema } from '@core/law/schemas';
import { callApi } from '../../../shared/api/api-client';
import { useCachedQuery } from '../../../shared/hooks/use-cached-query';

// The Code is public: read without signing in, and served rather than bundled into the app.

export type CivilCodeContents = Awaited<ReturnType<typeof fetchContents>>;
export type ContentsChapter = CivilCodeContents['books'][number]['chapters'][number];
export type ArticleList = Awaited<ReturnType<typeof fetchChapter>>;

function fetchContents() {
  return callApi(lawContract.contents);
}

export function fetchChapter(index: number) {
  return callApi(lawContract.chapter, { params: { index } });
}

export function searchCivilCode(q: string): Promise<ArticleList> {
  return callApi(lawContract.search, { query: { q } });
}

/** The books and chapters: they never change, so the copy kept on the phone opens the reader at once. */
export function useCivilCodeContents() {
  return useCachedQuery<CivilCodeContents>({
    cacheKey: 'law.civilCodeContents',
    load: fetchContents,
    readCache: (stored) => {
      const parsed = LawContentsSchema.safeParse(stored);
      return parsed.success ? parsed.data : null;
    },
  });
}

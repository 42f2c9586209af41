import { useRouter } from '@tarojs/taro';
import { ArticleReaderLinks } from '../../../features/civil-code/components/article-links';
import { ArticleView } from '../../../features/quiz/components/article-view';
import { PageShell } from '../../../shared/ui/page-shell';

/** `?law=civil-code&no=1079`: one cited article in full; a Civil Code article leads on to its chapter and the whole Code. */
export default function ArticlePage() {
  const { params } = useRouter();
  const no = Number(params.no);
  return (
    <PageShell>
      <ArticleView law={params.law} no={no} />
      {params.law === 'civil-code' && <ArticleReaderLinks no={no} />}
    </PageShell>
  );
}

import { useRouter } from '@tarojs/taro';
import { ArticleView } from '../../../features/quiz/components/article-view';
import { PageShell } from '../../../shared/ui/page-shell';

/** `?law=civil-code&no=1079`: one cited article in full. */
export default function ArticlePage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <ArticleView law={params.law} no={Number(params.no)} />
    </PageShell>
  );
}

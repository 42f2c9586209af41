import { useRouter } from '@tarojs/taro';
import { CivilCodeChapter } from '../../../features/civil-code/components/civil-code-chapter';
import { PageShell } from '../../../shared/ui/page-shell';

/** `?index=12`: one chapter of the Civil Code in full; `&article=1079` marks the article come from. */
export default function CivilCodeChapterPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <CivilCodeChapter index={Number(params.index)} articleNo={params.article ? Number(params.article) : undefined} />
    </PageShell>
  );
}

import { useRouter } from '@tarojs/taro';
import { PracticeQuiz } from '../../../features/quiz/components/practice-quiz';
import { PracticeScopes } from '../../../features/quiz/components/practice-scopes';
import { PageShell } from '../../../shared/ui/page-shell';

/** In WeChat the page's query arrives still encoded; the H5 router has decoded it already. */
function queryText(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Without a law it offers the books and chapters; with one (`?law=&book=` or `?law=&chapter=`, and
 * `wrongOnly=1` from the 错题本) it runs the practice. `title` is the heading shown.
 */
export default function PracticePage() {
  const { params } = useRouter();
  const law = params.law === 'civil-code' || params.law === 'constitution' ? params.law : null;
  const chapter = Number(params.chapter);
  return (
    <PageShell>
      {law ? (
        <PracticeQuiz
          scope={{
            law,
            book: queryText(params.book),
            chapter: Number.isInteger(chapter) && chapter > 0 ? chapter : undefined,
            wrongOnly: params.wrongOnly === '1',
          }}
          title={queryText(params.title) ?? '专项练习'}
        />
      ) : (
        <PracticeScopes />
      )}
    </PageShell>
  );
}

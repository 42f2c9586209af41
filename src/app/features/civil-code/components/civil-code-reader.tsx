import { Cell, CellGroup, Collapse } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { useCivilCodeContents, type CivilCodeContents } from '../api/civil-code-api';
import { articleCount, articleRangeLabel, chaptersByPart, effectiveLabel } from '../format';
import { chapterUrl } from '../urls';
import { ArticleSearch } from './article-search';
import './civil-code.scss';

type Book = CivilCodeContents['books'][number];

/** A book's chapters, in groups under their 分编 where the book has them (物权, 合同). */
function BookChapters({ book }: { book: Book }) {
  return (
    <>
      {chaptersByPart(book.chapters).map(({ part, chapters }) => (
        <CellGroup key={part ?? book.title} className="civil-code__part" title={part ?? undefined}>
          {chapters.map((chapter) => (
            <Cell
              key={chapter.index}
              className="civil-code__chapter"
              clickable
              title={chapter.title}
              description={articleRangeLabel(chapter)}
              extra="›"
              onClick={() => void Taro.navigateTo({ url: chapterUrl(chapter.index) })}
            />
          ))}
        </CellGroup>
      ))}
    </>
  );
}

function Contents({ contents }: { contents: CivilCodeContents }) {
  return (
    <Collapse className="civil-code__books" accordion>
      {contents.books.map((book) => (
        <Collapse.Item
          key={book.title}
          name={book.title}
          title={<View className="civil-code__book">{book.title}</View>}
          extra={`${book.chapters.length} 章`}
        >
          <BookChapters book={book} />
        </Collapse.Item>
      ))}
    </Collapse>
  );
}

/** 民法典全文: the contents by book and chapter, and 查找 by article number or words. */
export function CivilCodeReader() {
  const { data, error, loading, reload } = useCivilCodeContents();

  return (
    <View className="civil-code">
      <View className="civil-code__intro">
        <View className="civil-code__title">{data?.title ?? '中华人民共和国民法典'}</View>
        {data && (
          <View className="civil-code__effective">
            {effectiveLabel(data.effective)} · 共 {articleCount(data)} 条
          </View>
        )}
        <View className="civil-code__hint">点开一编，再选一章阅读全文；也可以按条号或词语查找。</View>
      </View>
      <ArticleSearch>
        {error && data && <StaleNotice message={error.message} onRetry={() => void reload()} />}
        {data ? (
          <Contents contents={data} />
        ) : loading ? (
          <LoadingBlock />
        ) : (
          <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void reload()} />
        )}
      </ArticleSearch>
    </View>
  );
}

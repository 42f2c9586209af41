import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { PAGES } from '../../../shared/pages';
import { useCivilCodeContents } from '../api/civil-code-api';
import { chapterOfArticle } from '../format';
import { chapterUrl } from '../urls';
import './civil-code.scss';

const open = (url: string) => void Taro.navigateTo({ url });

/** Under one Civil Code article: the chapter it stands in, with it marked, and the whole Code. */
export function ArticleReaderLinks({ no }: { no: number }) {
  const { data: contents } = useCivilCodeContents();
  const place = contents ? chapterOfArticle(contents, no) : undefined;
  return (
    <CellGroup className="civil-code__links">
      {place && (
        <Cell
          className="civil-code__link"
          clickable
          title="在目录中查看本章"
          description={`${place.book} · ${place.chapter.title}`}
          extra="›"
          onClick={() => open(chapterUrl(place.chapter.index, no))}
        />
      )}
      <Cell
        className="civil-code__link"
        clickable
        title="民法典全文"
        description="按编、章阅读原文，按条号或词语查找"
        extra="›"
        onClick={() => open(PAGES.quizCivilCode)}
      />
    </CellGroup>
  );
}

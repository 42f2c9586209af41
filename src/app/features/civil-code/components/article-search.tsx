import { Button, Cell, CellGroup, SearchBar } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState, type ReactNode } from 'react';
import { LawSearchQuerySchema } from '@core/law/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { Problem } from '../../../shared/ui/field';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { searchCivilCode, type ArticleList } from '../api/civil-code-api';
import { excerptParts } from '../format';
import { articleUrl } from '../urls';
import './civil-code.scss';

interface Found extends ArticleList {
  /** The words searched for, to mark in each excerpt. */
  words: string[];
}

function countLabel({ articles, total }: Found): string {
  if (total > articles.length) return `找到 ${total} 条，下面是前 ${articles.length} 条；多加几个词语可以找得更准`;
  return `找到 ${total} 条`;
}

/** Each article found with its place and an excerpt, the words searched for marked; a tap opens it in full. */
function FoundArticles({ found }: { found: Found }) {
  if (found.total === 0) {
    return <EmptyBlock title="没有找到相关法条" description="可以输入条号，或换个说法、少输几个词语再找" />;
  }
  return (
    <>
      <View className="article-search__count" role="status">
        {countLabel(found)}
      </View>
      <CellGroup className="article-search__list">
        {found.articles.map((article) => (
          <Cell
            key={article.no}
            className="article-search__item"
            clickable
            title={article.label}
            description={
              <View>
                <View className="article-search__place">
                  {article.book} · {article.chapter}
                </View>
                <View className="article-search__excerpt">
                  {excerptParts(article.text, found.words).map((part, index) => (
                    <Text key={index} className={part.hit ? 'article-search__hit' : undefined}>
                      {part.text}
                    </Text>
                  ))}
                </View>
              </View>
            }
            extra="›"
            onClick={() => void Taro.navigateTo({ url: articleUrl(article.no) })}
          />
        ))}
      </CellGroup>
    </>
  );
}

/**
 * 查找 by article number (1079, 第1079条, 第一千零七十九条) or by words, all of which an article must
 * hold. While results are shown they take the place of `children` (the contents), until 返回目录.
 */
export function ArticleSearch({ children }: { children: ReactNode }) {
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  // Only the latest search shows its results when several overlap, and none once cleared.
  const latest = useRef(0);

  async function search() {
    const checked = LawSearchQuerySchema.safeParse({ q: typed });
    if (!checked.success) {
      setProblem(checked.error.issues[0].message);
      return;
    }
    const { q } = checked.data;
    const ticket = ++latest.current;
    setProblem(null);
    setSearching(true);
    try {
      const list = await searchCivilCode(q);
      if (ticket === latest.current) setFound({ ...list, words: q.split(/\s+/) });
    } catch (error) {
      if (ticket === latest.current) setProblem(error instanceof ApiRequestError ? error.message : '查找没有成功，请重试');
    } finally {
      if (ticket === latest.current) setSearching(false);
    }
  }

  function clear() {
    latest.current += 1;
    setTyped('');
    setFound(null);
    setProblem(null);
    setSearching(false);
  }

  return (
    <>
      <View className="article-search" aria-label="查找法条">
        <View className="article-search__row">
          <SearchBar
            className="article-search__bar"
            placeholder="条号（如 1079）或词语"
            value={typed}
            maxLength={30}
            onChange={setTyped}
            onSearch={() => void search()}
            onClear={clear}
          />
          <Button type="primary" size="large" loading={searching} disabled={searching} onClick={() => void search()}>
            查找
          </Button>
        </View>
        <Problem message={problem} />
      </View>
      {found ? (
        <View className="article-search__results" aria-label="查找结果">
          <FoundArticles found={found} />
          <Button className="article-search__back" size="large" fill="outline" block onClick={clear}>
            返回目录
          </Button>
        </View>
      ) : (
        children
      )}
    </>
  );
}

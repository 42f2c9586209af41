import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { LawArticle } from '@core/law/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { fetchChapter, useCivilCodeContents } from '../api/civil-code-api';
import { articleRangeLabel, chapterCount } from '../format';
import { chapterUrl } from '../urls';
import './civil-code.scss';

const anchorOf = (no: number) => `article-${no}`;

/** The chapter's articles in runs of the same 节 (null where the chapter has no 节). */
function bySection(articles: readonly LawArticle[]): { section: string | null; articles: LawArticle[] }[] {
  const runs: { section: string | null; articles: LawArticle[] }[] = [];
  for (const article of articles) {
    const last = runs[runs.length - 1];
    if (last && last.section === article.section) last.articles.push(article);
    else runs.push({ section: article.section, articles: [article] });
  }
  return runs;
}

/** 上一章 and 下一章 (the latter once the contents say how many chapters there are), in place of this one. */
function ChapterSteps({ index }: { index: number }) {
  const { data: contents } = useCivilCodeContents();
  const step = (to: number) => void Taro.redirectTo({ url: chapterUrl(to) });
  return (
    <View className="civil-chapter__steps">
      {index > 1 && (
        <Button size="large" fill="outline" onClick={() => step(index - 1)}>
          上一章
        </Button>
      )}
      {contents && index < chapterCount(contents) && (
        <Button type="primary" size="large" onClick={() => step(index + 1)}>
          下一章
        </Button>
      )}
    </View>
  );
}

interface Props {
  index: number;
  /** The article to mark and scroll to: the one the reader came from. */
  articleNo?: number;
}

/** One chapter of the Civil Code in full, 节 by 节, each article with its number as the law writes it. */
export function CivilCodeChapter({ index, articleNo }: Props) {
  const [articles, setArticles] = useState<LawArticle[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const valid = Number.isInteger(index) && index >= 1;

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setArticles((await fetchChapter(index)).articles);
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, [index]);

  useEffect(() => {
    if (valid) void load();
  }, [valid, load]);

  const chapterTitle = articles?.[0]?.chapter;
  useEffect(() => {
    if (chapterTitle) void Taro.setNavigationBarTitle({ title: chapterTitle }).catch(() => undefined);
  }, [chapterTitle]);

  const marked = articles?.some((article) => article.no === articleNo) ? articleNo : undefined;
  useEffect(() => {
    // After the page has drawn the articles, so that the one to show is there to scroll to.
    if (marked) Taro.nextTick(() => void Taro.pageScrollTo({ selector: `#${anchorOf(marked)}`, duration: 0 }).catch(() => undefined));
  }, [marked]);

  if (!valid) return <EmptyBlock title="没有指明是哪一章" description="请从民法典目录选择" />;
  if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
  if (!articles) return <LoadingBlock />;
  const [first] = articles;
  const last = articles[articles.length - 1];

  return (
    <View className="civil-chapter">
      <View className="civil-chapter__head">
        <View className="civil-chapter__book">民法典 · {first.book}</View>
        <View className="civil-chapter__title">{first.chapter}</View>
        <View className="civil-chapter__range">
          {articleRangeLabel({ firstArticle: first.no, lastArticle: last.no })}，共 {articles.length} 条
        </View>
      </View>
      {bySection(articles).map(({ section, articles: inSection }) => (
        <View key={section ?? first.chapter} className="civil-chapter__section">
          {section && <View className="civil-chapter__section-title">{section}</View>}
          {inSection.map((article) => (
            <View
              key={article.no}
              id={anchorOf(article.no)}
              className={`civil-chapter__article${article.no === marked ? ' civil-chapter__article--marked' : ''}`}
              aria-label={article.label}
            >
              <View className="civil-chapter__label">{article.label}</View>
              <View className="civil-chapter__text">{article.text}</View>
            </View>
          ))}
        </View>
      ))}
      <ChapterSteps index={index} />
    </View>
  );
}

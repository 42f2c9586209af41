import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { LawArticle } from '@core/law/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { keptConstitutionArticle } from '../../../shared/cited-articles';
import { LAW_NAMES, type Law } from '../../../shared/format/quiz-labels';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { fetchCivilCodeArticle } from '../api/quiz-api';
import './quiz.scss';

interface ShownArticle {
  label: string;
  text: string;
  /** 第五编 婚姻家庭 · 第三章 家庭关系 …, where the law API says. */
  place: string | null;
}

function ArticleText({ law, article }: { law: Law; article: ShownArticle }) {
  return (
    <View className="law-article">
      <View className="law-article__law">{LAW_NAMES[law]}</View>
      {article.place && <View className="law-article__place">{article.place}</View>}
      <View className="law-article__label">{article.label}</View>
      <View className="law-article__text">{article.text}</View>
    </View>
  );
}

function CivilCodeArticle({ no }: { no: number }) {
  const [article, setArticle] = useState<LawArticle | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setArticle(await fetchCivilCodeArticle(no));
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, [no]);

  useEffect(() => {
    void load();
  }, [load]);

  if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
  if (!article) return <LoadingBlock />;
  const place = [article.book, article.chapter, article.section].filter(Boolean).join(' · ');
  return <ArticleText law="civil-code" article={{ label: article.label, text: article.text, place }} />;
}

/** A cited article in full: the Civil Code's from the law API, the Constitution's as the answer brought it. */
export function ArticleView({ law, no }: { law: string | undefined; no: number }) {
  if (!Number.isInteger(no) || no < 1) return <EmptyBlock title="没有指明是哪一条" />;
  if (law === 'civil-code') return <CivilCodeArticle no={no} />;
  if (law === 'constitution') {
    const kept = keptConstitutionArticle(no);
    if (!kept) return <EmptyBlock title="没有找到这一条" description="请从答题解析中打开宪法条文" />;
    return <ArticleText law="constitution" article={{ ...kept, place: null }} />;
  }
  return <EmptyBlock title="没有指明是哪部法律" />;
}

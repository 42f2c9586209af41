import { Button, Rate, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { RateFeedbackSchema, type MyFeedbackDetail } from '@core/feedback/schemas';
import { REOPENING_STARS } from '@core/feedback/workflow';
import { ApiRequestError } from '../../../shared/api/api-client';
import { Problem, problemsByField } from '../../../shared/ui/field';
import { rateFeedback } from '../api/feedback-api';

const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意'];
const MAX_COMMENT = 200;

/** The submitter's verdict on the reply; a low one sends the item back to the office once. */
export function RatingForm({ itemId, onRated }: { itemId: string; onRated: (item: MyFeedbackDetail) => void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  async function submit() {
    const checked = RateFeedbackSchema.safeParse({ stars, comment: comment.trim() || null });
    if (!checked.success) {
      setProblems(problemsByField(checked.error.issues));
      return;
    }
    setProblems({});
    setSending(true);
    try {
      const updated = await rateFeedback(itemId, checked.data.stars, checked.data.comment ?? null);
      onRated(updated);
      Taro.showToast({
        title: checked.data.stars <= REOPENING_STARS ? '已退回，工作人员会重新办理' : '感谢您的评价',
        icon: 'none',
      });
    } catch (error) {
      setProblems({ sending: error instanceof ApiRequestError ? error.message : '评价没有提交成功，请重试' });
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="rating-form" aria-label="评价答复">
      <View className="rating-form__title">您对答复满意吗？</View>
      <View className="rating-form__stars">
        <Rate
          value={stars}
          count={5}
          onChange={(value) => {
            setStars(value);
            setProblems(({ stars: _cleared, ...rest }) => rest);
          }}
        />
        <View className="rating-form__words">{stars ? STAR_WORDS[stars] : '点星星打分'}</View>
      </View>
      <Problem message={problems.stars} />
      <View className="rating-form__hint">1–{REOPENING_STARS} 星会退回重新办理一次</View>
      <TextArea
        className="rating-form__comment"
        value={comment}
        placeholder="还想说的话（选填）"
        maxLength={MAX_COMMENT}
        showCount
        rows={3}
        onChange={setComment}
      />
      <Problem message={problems.comment ?? problems.sending} />
      <Button type="primary" size="large" block loading={sending} disabled={sending} onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  );
}

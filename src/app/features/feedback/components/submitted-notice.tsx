import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { FeedbackForm, MyFeedbackDetail, NotificationTemplate } from '@core/feedback/schemas';
import { sessionLabel } from '../../../shared/format/session-label';
import { PAGES } from '../../../shared/pages';
import { reportSubscriptions } from '../api/feedback-api';

type Templates = FeedbackForm['subscribeTemplates'];
type SubscribeState = 'idle' | 'asking' | 'subscribed' | 'declined' | 'failed';

// WeChat shows at most three templates in one request.
const TEMPLATES_PER_REQUEST = 3;

const SUBSCRIBE_MESSAGES: Record<Exclude<SubscribeState, 'idle' | 'asking'>, string> = {
  subscribed: '已订阅，有答复时会通过微信通知您',
  declined: '没有订阅；可以随时在“我的反馈”里查看进度',
  failed: '订阅没有成功；可以随时在“我的反馈”里查看进度',
};

/** WeChat asks the person only in answer to a tap, so this runs from the button. */
async function askToSubscribe(templates: Templates): Promise<SubscribeState> {
  const asked = templates.slice(0, TEMPLATES_PER_REQUEST);
  try {
    // Keyed by template id: 'accept', 'reject' or 'ban'.
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: asked.map((t) => t.templateId),
      entityIds: [],
    })) as unknown as Record<string, string>;
    const accepted: NotificationTemplate[] = asked.filter((t) => answer[t.templateId] === 'accept').map((t) => t.kind);
    if (accepted.length === 0) return 'declined';
    await reportSubscriptions(accepted);
    return 'subscribed';
  } catch {
    return 'failed';
  }
}

interface Props {
  item: MyFeedbackDetail;
  templates: Templates;
  onWriteAnother: () => void;
}

/** What the resident sees once the office has the submission. */
export function SubmittedNotice({ item, templates, onWriteAnother }: Props) {
  const [subscribe, setSubscribe] = useState<SubscribeState>('idle');
  const canSubscribe = process.env.TARO_ENV === 'weapp' && templates.length > 0;

  return (
    <View className="submitted-notice" role="status">
      <View className="submitted-notice__title">已提交</View>
      <View className="submitted-notice__line">将在 {sessionLabel(item.session)} 办理</View>
      <View className="submitted-notice__line">可以在“我的反馈”里查看进度和答复</View>
      {canSubscribe && (subscribe === 'idle' || subscribe === 'asking') && (
        <Button
          type="primary"
          size="large"
          block
          loading={subscribe === 'asking'}
          onClick={() => {
            setSubscribe('asking');
            void askToSubscribe(templates).then(setSubscribe);
          }}
        >
          订阅答复提醒
        </Button>
      )}
      {subscribe !== 'idle' && subscribe !== 'asking' && (
        <View className="submitted-notice__line">{SUBSCRIBE_MESSAGES[subscribe]}</View>
      )}
      <View className="submitted-notice__actions">
        <Button fill="outline" size="large" onClick={() => void Taro.navigateTo({ url: PAGES.myFeedback })}>
          查看我的反馈
        </Button>
        <Button fill="outline" size="large" onClick={onWriteAnother}>
          再写一条
        </Button>
      </View>
    </View>
  );
}

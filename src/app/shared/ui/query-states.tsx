import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import './query-states.scss';

export function LoadingBlock() {
  return (
    <View className="query-state" aria-busy="true" aria-label="正在加载">
      <Skeleton rows={4} animated />
    </View>
  );
}

export function ErrorBlock({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="query-state" role="alert">
      <Empty status="error" image={<View />} title="没有加载出来" description={message} />
      <Button type="primary" size="large" block onClick={onRetry}>
        重新加载
      </Button>
    </View>
  );
}

export function EmptyBlock({ title, description }: { title: string; description?: string }) {
  return (
    <View className="query-state">
      <Empty status="empty" image={<View />} title={title} description={description} />
    </View>
  );
}

/** A quiet line over content kept from an earlier visit when refreshing it failed. */
export function StaleNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="stale-notice" role="status">
      <View className="stale-notice__text">{message}，以下是上次获取的信息。</View>
      <Button size="small" fill="outline" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

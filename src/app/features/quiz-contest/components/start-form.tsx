import { Button, Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { StartAttemptSchema, type ContestPlaces } from '@core/quiz/schemas';
import { Problem } from '../../../shared/ui/field';
import type { StartAttemptBody } from '../api/contest-api';
import { keepPlace, keptPlace } from '../attempt-store';

interface StartFormProps {
  places: ContestPlaces;
  timeLimitMinutes: number;
  starting: boolean;
  /** The server's refusal, when starting failed. */
  problem: string | null;
  onStart: (body: StartAttemptBody) => void;
}

// 网格 is optional: a resident who does not know theirs says so rather than guessing.
const NO_GRID = '';

/** The last choice, if it still names a configured community and grid; a town with one community needs no choice. */
function initialPlace(places: ContestPlaces): { communityId: string; gridId: string } {
  const kept = keptPlace();
  const community = places.communities.find((c) => c.id === kept?.communityId);
  if (community) {
    const grid = community.grids.find((g) => g.id === kept?.gridId);
    return { communityId: community.id, gridId: grid?.id ?? NO_GRID };
  }
  return { communityId: places.communities.length === 1 ? places.communities[0].id : '', gridId: NO_GRID };
}

/**
 * 开始答题: the participant says where they live (for participation by community and grid) and the
 * clock starts. A grid worker is not asked: their own grid counts.
 */
export function StartForm({ places, timeLimitMinutes, starting, problem, onStart }: StartFormProps) {
  const [{ communityId, gridId }, setPlace] = useState(() => initialPlace(places));
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const { ownGrid } = places;
  const community = places.communities.find((c) => c.id === communityId);

  function start() {
    const body = ownGrid ? { communityId: ownGrid.communityId, gridId: ownGrid.gridId } : { communityId, gridId: gridId || null };
    const checked = StartAttemptSchema.safeParse(body);
    if (!checked.success) {
      setFormProblem(checked.error.issues[0]?.message ?? '请选择所在社区或村');
      return;
    }
    setFormProblem(null);
    if (!ownGrid) keepPlace({ communityId, gridId: gridId || null });
    onStart(checked.data);
  }

  return (
    <View className="start-form" aria-label="开始答题">
      {ownGrid ? (
        <View className="start-form__own-grid">以 {ownGrid.name} 网格员的身份参赛</View>
      ) : (
        <>
          <View className="start-form__question">您住在哪个社区或村？</View>
          <Radio.Group
            value={communityId}
            direction="horizontal"
            shape="button"
            onChange={(value) => setPlace({ communityId: String(value), gridId: NO_GRID })}
          >
            {places.communities.map((c) => (
              <Radio key={c.id} value={c.id} shape="button">
                {c.name}
              </Radio>
            ))}
          </Radio.Group>
          {community && community.grids.length > 0 && (
            <>
              <View className="start-form__question">所在网格（不清楚可以不选）</View>
              <Radio.Group
                value={gridId}
                direction="horizontal"
                shape="button"
                onChange={(value) => setPlace({ communityId, gridId: String(value) })}
              >
                {[...community.grids, { id: NO_GRID, name: '不清楚' }].map((grid) => (
                  <Radio key={grid.id || 'none'} value={grid.id} shape="button">
                    {grid.name}
                  </Radio>
                ))}
              </Radio.Group>
            </>
          )}
        </>
      )}
      <View className="start-form__hint">开始后计时 {timeLimitMinutes} 分钟，中途退出计时不停，到时自动交卷。</View>
      <Problem message={formProblem ?? problem} />
      <Button type="primary" size="large" block loading={starting} disabled={starting} onClick={start}>
        开始答题
      </Button>
    </View>
  );
}

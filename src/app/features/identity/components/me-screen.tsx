import { Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { ROLE_LABELS } from '@core/identity/roles';
import type { Me } from '@core/identity/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { PAGES } from '../../../shared/pages';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { fetchMe } from '../api/me';
import { BindForm } from './bind-form';
import { SupervisorCard } from './supervisor-card';
import { TextScaleSwitch } from './text-scale-switch';
import './me-screen.scss';

/** 我的: who I am here, my roles, the certificate card, binding, large text and the privacy notice. */
export function MeScreen() {
  const [me, setMe] = useState<Me | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setMe(await fetchMe());
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const onBound = (updated: Me) => {
    setMe(updated);
    Taro.showToast({ title: '绑定成功', icon: 'success' });
  };

  return (
    <View className="me-screen">
      <View className="me-screen__who" aria-label="我的身份">
        {me ? (
          <>
            <View className="me-screen__name">{me.displayName}</View>
            <View className="me-screen__roles">
              {me.roles.map((role) => (
                <Tag key={role} type="primary" plain>
                  {ROLE_LABELS[role]}
                </Tag>
              ))}
            </View>
          </>
        ) : (
          <View className="me-screen__name">我的</View>
        )}
      </View>

      {!me && !problem && <LoadingBlock />}
      {problem && <ErrorBlock message={problem} onRetry={() => void load()} />}
      {me?.supervisor && <SupervisorCard card={me.supervisor} />}
      {me?.gridWorker && (
        <View className="grid-worker-card" aria-label="网格员">
          <Text>
            网格员：{me.gridWorker.name}（{me.gridWorker.communityName} · {me.gridWorker.gridName}）
          </Text>
        </View>
      )}
      {me && <BindForm onBound={onBound} />}

      <View className="me-screen__settings">
        <TextScaleSwitch />
      </View>
      <CellGroup>
        <Cell title="我的反馈" clickable onClick={() => Taro.navigateTo({ url: PAGES.myFeedback })} />
        {me?.gridWorker && <Cell title="我的分享" description="分享带来的打开、报名和答题" clickable onClick={() => Taro.navigateTo({ url: PAGES.myShares })} />}
        {me?.roles.includes('supervisor') && (
          <Cell title="执法活动记录" description="记下现场参加的执法活动" clickable onClick={() => Taro.navigateTo({ url: PAGES.supervisionActivities })} />
        )}
        <Cell title="个人信息保护说明" clickable onClick={() => Taro.navigateTo({ url: PAGES.privacy })} />
        <Cell title="工作人员登录" clickable onClick={() => Taro.navigateTo({ url: PAGES.staffSignIn })} />
      </CellGroup>
    </View>
  );
}

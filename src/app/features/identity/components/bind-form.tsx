import { Button, Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { BindSchema, type Me } from '@core/identity/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { Problem } from '../../../shared/ui/field';
import { bindWithCode } from '../api/me';

/** Where a supervisor or grid worker types the code the office gave them. */
export function BindForm({ onBound }: { onBound: (me: Me) => void }) {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit() {
    const checked = BindSchema.safeParse({ code });
    if (!checked.success) {
      setProblem(checked.error.issues[0].message);
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      onBound(await bindWithCode(checked.data.code));
      setCode('');
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '绑定没有成功，请重试');
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="bind-form">
      <View className="bind-form__hint">监督员、网格员请输入镇法治建设科发给您的 8 位绑定码</View>
      <Input
        className="bind-form__input"
        name="bindingCode"
        placeholder="例如 ABCD 2345"
        value={code}
        maxLength={12}
        clearable
        onChange={(value) => {
          setCode(value);
          setProblem(null);
        }}
      />
      <Problem message={problem} />
      <Button type="primary" size="large" block loading={sending} disabled={sending} onClick={() => void submit()}>
        绑定身份
      </Button>
    </View>
  );
}

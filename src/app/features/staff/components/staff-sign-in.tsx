import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { StaffSignInSchema } from '@core/identity/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { PAGES } from '../../../shared/pages';
import { Field, Problem, problemsByField } from '../../../shared/ui/field';
import { signInStaff } from '../api/staff';
import './staff.scss';

export function StaffSignIn() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  async function submit() {
    const checked = StaffSignInSchema.safeParse({ username, password });
    if (!checked.success) {
      setProblems(problemsByField(checked.error.issues));
      return;
    }
    setProblems({});
    setSending(true);
    try {
      const me = await signInStaff(checked.data.username, checked.data.password);
      await Taro.redirectTo({ url: me.mustChangePassword ? PAGES.staffPassword : PAGES.staffPeople });
    } catch (error) {
      setProblems({ form: error instanceof ApiRequestError ? error.message : '登录没有成功，请重试' });
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="staff-form">
      <View className="staff-form__title">法治建设科工作人员登录</View>
      <Field label="用户名" name="username" value={username} onChange={setUsername} problem={problems.username} maxLength={32} />
      <Field label="密码" name="password" type="password" value={password} onChange={setPassword} problem={problems.password} maxLength={128} />
      <Problem message={problems.form} />
      <Button type="primary" size="large" block loading={sending} disabled={sending} onClick={() => void submit()}>
        登录
      </Button>
    </View>
  );
}

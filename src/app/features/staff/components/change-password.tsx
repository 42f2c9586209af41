import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { ChangePasswordSchema } from '@core/identity/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { PAGES } from '../../../shared/pages';
import { Field, Problem, problemsByField } from '../../../shared/ui/field';
import { staffApi } from '../api/staff';
import './staff.scss';

/** First sign-in: the one-time password is replaced before anything else can be done. */
export function ChangePassword() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  async function submit() {
    const checked = ChangePasswordSchema.safeParse({ currentPassword, newPassword });
    const found = checked.success ? {} : problemsByField(checked.error.issues);
    if (!found.newPassword && newPassword !== repeated) found.repeated = '两次输入的新密码不一致';
    setProblems(found);
    if (!checked.success || found.repeated) return;
    setSending(true);
    try {
      await staffApi.changePassword(checked.data.currentPassword, checked.data.newPassword);
      Taro.showToast({ title: '密码已修改', icon: 'success' });
      await Taro.redirectTo({ url: PAGES.staffPeople });
    } catch (error) {
      if (!backToSignInIfNeeded(error)) {
        setProblems({ form: error instanceof ApiRequestError ? error.message : '修改没有成功，请重试' });
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="staff-form">
      <View className="staff-form__title">修改密码</View>
      <View className="staff-form__hint">首次登录请把一次性密码改为只有您知道的密码：至少 10 位，含字母和数字。</View>
      <Field label="当前密码" name="currentPassword" type="password" value={currentPassword} onChange={setCurrentPassword} problem={problems.currentPassword} maxLength={128} />
      <Field label="新密码" name="newPassword" type="password" value={newPassword} onChange={setNewPassword} problem={problems.newPassword} maxLength={128} />
      <Field label="再输入一次新密码" name="repeated" type="password" value={repeated} onChange={setRepeated} problem={problems.repeated} maxLength={128} />
      <Problem message={problems.form} />
      <Button type="primary" size="large" block loading={sending} disabled={sending} onClick={() => void submit()}>
        保存新密码
      </Button>
    </View>
  );
}

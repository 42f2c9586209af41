import { Button, Radio, Tag } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { formatBindingCode } from '@core/identity/binding-code';
import { CreateGridWorkerSchema, CreateSupervisorSchema } from '@core/identity/schemas';
import { SUPERVISOR_STATUS_LABELS } from '@core/identity/supervisor-term';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { PAGES } from '../../../shared/pages';
import { Field, Problem, problemsByField } from '../../../shared/ui/field';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { signOutStaff, staffApi } from '../api/staff';
import './staff.scss';

type Supervisors = Awaited<ReturnType<typeof staffApi.listSupervisors>>['supervisors'];
type GridWorkers = Awaited<ReturnType<typeof staffApi.listGridWorkers>>['gridWorkers'];
type Grids = Awaited<ReturnType<typeof staffApi.listGrids>>['grids'];
type IssuedCode = { who: string; code: string; expiresAt: string };

function messageOf(error: unknown): string {
  return error instanceof ApiRequestError ? error.message : '操作没有成功，请重试';
}

/** The office's register of supervisors and grid workers, with the codes that bind them. */
export function PeopleAdmin() {
  const [supervisors, setSupervisors] = useState<Supervisors | null>(null);
  const [gridWorkers, setGridWorkers] = useState<GridWorkers>([]);
  const [grids, setGrids] = useState<Grids>([]);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedCode | null>(null);

  const load = useCallback(async () => {
    setLoadProblem(null);
    try {
      const [s, w, g] = await Promise.all([staffApi.listSupervisors(), staffApi.listGridWorkers(), staffApi.listGrids()]);
      setSupervisors(s.supervisors);
      setGridWorkers(w.gridWorkers);
      setGrids(g.grids);
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setLoadProblem(messageOf(error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(work: () => Promise<unknown>) {
    try {
      await work();
      await load();
    } catch (error) {
      if (!backToSignInIfNeeded(error)) Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  }

  const issueCode = (who: string, request: () => Promise<{ code: string; expiresAt: string }>) =>
    act(async () => setIssued({ who, ...(await request()) }));

  async function confirmRevoke(who: string, request: () => Promise<unknown>) {
    const { confirm } = await Taro.showModal({ title: '撤销身份', content: `确定撤销${who}的身份吗？撤销后不能恢复。` });
    if (confirm) await act(request);
  }

  if (loadProblem) return <ErrorBlock message={loadProblem} onRetry={() => void load()} />;
  if (!supervisors) return <LoadingBlock />;

  return (
    <View className="people-admin">
      <View className="people-admin__bar">
        <Text className="staff-form__title">监督员与网格员</Text>
        <Button
          size="small"
          fill="outline"
          onClick={() => void signOutStaff().then(() => Taro.redirectTo({ url: PAGES.staffSignIn }))}
        >
          退出登录
        </Button>
      </View>

      {issued && (
        <View className="issued-code" role="status" aria-label="绑定码">
          <View>{issued.who}的绑定码（{shanghaiDateOf(new Date(issued.expiresAt))} 前有效，只能用一次）：</View>
          <View className="issued-code__code">{formatBindingCode(issued.code)}</View>
          <View>请当面或电话告知本人，在小程序“我的”页面输入。</View>
        </View>
      )}

      <View className="people-admin__section">行政执法监督员</View>
      {supervisors.map((s) => (
        <View key={s.id} className="person-row">
          <View>
            <Text className="person-row__name">{s.name}</Text> 聘书 {s.certificateNo}，{s.termStart} 至 {s.termEnd}{' '}
            <Tag type={s.status === 'active' ? 'success' : 'default'}>{SUPERVISOR_STATUS_LABELS[s.status]}</Tag>{' '}
            {s.bound ? '已绑定' : '未绑定'}
          </View>
          {s.status !== 'revoked' && (
            <View className="person-row__actions">
              <Button size="small" type="primary" onClick={() => void issueCode(s.name, () => staffApi.issueSupervisorCode(s.id))}>
                发绑定码
              </Button>
              <Button size="small" fill="outline" onClick={() => void confirmRevoke(s.name, () => staffApi.revokeSupervisor(s.id))}>
                撤销
              </Button>
            </View>
          )}
        </View>
      ))}
      <NewSupervisorForm onCreated={load} />

      <View className="people-admin__section">网格员</View>
      {gridWorkers.map((w) => (
        <View key={w.id} className="person-row">
          <View>
            <Text className="person-row__name">{w.name}</Text> {w.communityName} · {w.gridName}{' '}
            {w.revoked ? <Tag>已撤销</Tag> : w.bound ? '已绑定' : '未绑定'}
          </View>
          {!w.revoked && (
            <View className="person-row__actions">
              <Button size="small" type="primary" onClick={() => void issueCode(w.name, () => staffApi.issueGridWorkerCode(w.id))}>
                发绑定码
              </Button>
              <Button size="small" fill="outline" onClick={() => void confirmRevoke(w.name, () => staffApi.revokeGridWorker(w.id))}>
                撤销
              </Button>
            </View>
          )}
        </View>
      ))}
      <NewGridWorkerForm grids={grids} onCreated={load} />
    </View>
  );
}

function NewSupervisorForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const empty = { name: '', certificateNo: '', termStart: '', termEnd: '' };
  const [form, setForm] = useState(empty);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const set = (field: keyof typeof empty) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  async function submit() {
    const checked = CreateSupervisorSchema.safeParse(form);
    if (!checked.success) {
      setProblems(problemsByField(checked.error.issues));
      return;
    }
    try {
      await staffApi.createSupervisor(checked.data);
      setForm(empty);
      setProblems({});
      await onCreated();
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setProblems({ form: messageOf(error) });
    }
  }

  return (
    <View className="staff-form staff-form--inline" aria-label="登记监督员">
      <Field label="姓名" name="supervisorName" value={form.name} onChange={set('name')} problem={problems.name} maxLength={20} />
      <Field label="聘书编号" name="certificateNo" value={form.certificateNo} onChange={set('certificateNo')} problem={problems.certificateNo} maxLength={32} />
      <Field label="聘期开始" name="termStart" placeholder="2026-01-01" value={form.termStart} onChange={set('termStart')} problem={problems.termStart} maxLength={10} />
      <Field label="聘期结束" name="termEnd" placeholder="2028-12-31" value={form.termEnd} onChange={set('termEnd')} problem={problems.termEnd} maxLength={10} />
      <Problem message={problems.form} />
      <Button type="primary" block onClick={() => void submit()}>
        登记监督员
      </Button>
    </View>
  );
}

function NewGridWorkerForm({ grids, onCreated }: { grids: Grids; onCreated: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [gridId, setGridId] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});

  async function submit() {
    const checked = CreateGridWorkerSchema.safeParse({ name, gridId });
    if (!checked.success) {
      setProblems(problemsByField(checked.error.issues));
      return;
    }
    try {
      await staffApi.createGridWorker(checked.data);
      setName('');
      setProblems({});
      await onCreated();
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setProblems({ form: messageOf(error) });
    }
  }

  return (
    <View className="staff-form staff-form--inline" aria-label="登记网格员">
      <Field label="姓名" name="gridWorkerName" value={name} onChange={setName} problem={problems.name} maxLength={20} />
      <Radio.Group value={gridId} onChange={(value) => setGridId(String(value))}>
        {grids.map((g) => (
          <Radio key={g.id} value={g.id}>
            {g.communityName} · {g.name}
          </Radio>
        ))}
      </Radio.Group>
      <Problem message={problems.gridId && '请选择网格'} />
      <Problem message={problems.form} />
      <Button type="primary" block onClick={() => void submit()}>
        登记网格员
      </Button>
    </View>
  );
}

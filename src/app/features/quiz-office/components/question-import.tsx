import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ChangeEvent } from 'react';
import { LAW_NAMES } from '../../../shared/format/quiz-labels';
import { PAGES } from '../../../shared/pages';
import { Problem } from '../../../shared/ui/field';
import { importQuestionFile, type ImportOutcome } from '../api/quiz-office-api';
import '../../../shared/ui/office-page.scss';
import './quiz-office.scss';

type ChosenFile = { path: string; name: string };

/** A JSON file's problems are numbered by question, a sheet's by row. */
const placeOf = (fileName: string, row: number) => (/\.json$/i.test(fileName) ? `第 ${row} 题` : `第 ${row} 行`);

/** In WeChat a file comes from a chat; the picker is allowed bank files only. */
async function chooseFromChat(): Promise<ChosenFile | null> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['json', 'xlsx'] });
    return tempFiles[0] ? { path: tempFiles[0].path, name: tempFiles[0].name } : null;
  } catch {
    // Closing the picker is not a failure.
    return null;
  }
}

/**
 * 导入题库: a JSON bank file or an .xlsx sheet. The server takes the whole file or nothing; when it
 * refuses, every problem is listed with its row, to be fixed in the file and sent again.
 */
export function QuestionImport() {
  const [fileName, setFileName] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  async function send(file: ChosenFile) {
    setFileName(file.name);
    setOutcome(null);
    setSending(true);
    const answer = await importQuestionFile(file);
    setSending(false);
    if (!answer.ok && answer.signInNeeded) {
      void Taro.redirectTo({ url: PAGES.staffSignIn });
      return;
    }
    setOutcome(answer);
  }

  async function pickedInBrowser(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // The same file may be chosen again after it was fixed.
    event.target.value = '';
    if (!file) return;
    const path = URL.createObjectURL(file);
    try {
      await send({ path, name: file.name });
    } finally {
      URL.revokeObjectURL(path);
    }
  }

  async function pickInWeChat() {
    const file = await chooseFromChat();
    if (file) await send(file);
  }

  return (
    <View className="office-page question-import">
      <View className="office-page__title">导入题库文件</View>
      <View className="office-card question-import__format">
        <View>一份文件只导入一部法律的题。文件中任何一处有误，整份都不导入，并逐条列出问题。编号已存在的题会被文件中的内容替换。</View>
        <View className="question-import__format-title">JSON 文件</View>
        <View>与 data/questions 下的题库文件相同：{'{ "law": "civil-code", "questions": [ … ] }'}。</View>
        <View className="question-import__format-title">Excel 文件（.xlsx）</View>
        <View>
          第一个工作表，第一行为表头：id、law、type、stem、optionA–optionF、answer、explanation、articles、difficulty、tags（也可用中文表头：编号、法律、题型、题干、选项A–F、答案、解析、法条、难度、标签）。答案写选项字母（如 AC），判断题写“正确”或“错误”；法条写条号，多条用逗号分隔。
        </View>
      </View>

      <View className="question-import__pick">
        {process.env.TARO_ENV === 'h5' ? (
          <View className="question-import__input">
            <View className="field__label">选择文件</View>
            <input type="file" accept=".json,.xlsx,application/json" aria-label="选择题库文件" disabled={sending} onChange={(e) => void pickedInBrowser(e)} />
          </View>
        ) : (
          <Button type="primary" size="large" loading={sending} disabled={sending} onClick={() => void pickInWeChat()}>
            从聊天记录中选择文件
          </Button>
        )}
        {sending && fileName && <View className="office-page__count">正在导入 {fileName}…</View>}
      </View>

      {outcome?.ok && (
        <View className="office-notice" role="status">
          已导入{LAW_NAMES[outcome.result.law]}题目：新增 {outcome.result.added} 道，更新 {outcome.result.updated} 道。
          <View className="item-line__link" onClick={() => void Taro.navigateTo({ url: PAGES.staffQuestions })}>
            查看题库
          </View>
        </View>
      )}
      {outcome && !outcome.ok && (
        <View className="office-card question-import__refusal" aria-label="导入失败">
          <Problem message={outcome.message} />
          {outcome.problems.length > 0 && (
            <View role="list" aria-label="文件中的问题">
              {outcome.problems.map((problem, index) => (
                <View key={`${problem.row}-${index}`} role="listitem" className="question-import__problem">
                  {placeOf(fileName ?? '', problem.row)}：{problem.message}
                </View>
              ))}
            </View>
          )}
        </View>
      )}
    </View>
  );
}

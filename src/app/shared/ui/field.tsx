import { Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import './field.scss';

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  type?: 'text' | 'password';
  placeholder?: string;
  maxLength?: number;
}

/** A labelled input with its problem, if any, written under it in words. */
export function Field({ label, name, value, onChange, problem, type = 'text', placeholder, maxLength = 64 }: FieldProps) {
  return (
    <View className="field">
      <View className="field__label">{label}</View>
      <Input
        className="field__input"
        name={name}
        type={type}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        onChange={onChange}
      />
      <Problem message={problem} />
    </View>
  );
}

/** What is wrong, in words, where the person will look; read out by screen readers as it appears. */
export function Problem({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <View className="form-problem" role="alert">
      {message}
    </View>
  );
}

/** The first message for each field of a failed zod parse, keyed by the field's name. */
export function problemsByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    problems[field] ??= issue.message;
  }
  return problems;
}

import { TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { Problem } from './field';
import './text-box.scss';

interface TextBoxProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  problem?: string;
  placeholder?: string;
}

/** A labelled multi-line field with its count and, under it, what is wrong in words. */
export function TextBox({ label, value, onChange, maxLength, problem, placeholder }: TextBoxProps) {
  return (
    <View className="text-box" aria-label={label}>
      <View className="text-box__label">{label}</View>
      <TextArea
        className="text-box__input"
        value={value}
        onChange={onChange}
        maxLength={maxLength}
        showCount
        autoSize
        placeholder={placeholder}
      />
      <Problem message={problem} />
    </View>
  );
}

import { Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import './choice-row.scss';

export type Choice = { value: string; label: string };

interface ChoiceRowProps {
  label: string;
  /** '' for 全部. */
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}

/** One filter of an office list: mutually exclusive choices, '全部' first, that apply when tapped. */
export function ChoiceRow({ label, value, choices, onChange }: ChoiceRowProps) {
  return (
    <View className="choice-row" aria-label={label}>
      <View className="choice-row__label">{label}</View>
      <Radio.Group value={value} direction="horizontal" shape="button" onChange={(chosen) => onChange(String(chosen))}>
        {[{ value: '', label: '全部' }, ...choices].map((choice) => (
          <Radio key={choice.value} value={choice.value} shape="button">
            {choice.label}
          </Radio>
        ))}
      </Radio.Group>
    </View>
  );
}

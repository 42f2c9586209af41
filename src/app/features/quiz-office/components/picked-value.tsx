import { View } from '@tarojs/components';
import { Problem } from '../../../shared/ui/field';

interface PickedValueProps {
  label: string;
  value: string;
  onOpen: () => void;
  problem?: string;
}

/** A labelled value chosen from a picker: tapping it opens the picker. */
export function PickedValue({ label, value, onOpen, problem }: PickedValueProps) {
  return (
    <View className="picked-value">
      <View className="field__label">{label}</View>
      <View className="picked-value__value" role="button" aria-label={label} onClick={onOpen}>
        {value}
      </View>
      <Problem message={problem} />
    </View>
  );
}

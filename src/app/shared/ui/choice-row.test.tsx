import { fireEvent, render, screen, within } from '@testing-library/react';
import { ChoiceRow } from './choice-row';

const LAWS = [
  { value: 'civil-code', label: '民法典' },
  { value: 'constitution', label: '宪法' },
];

test('全部 comes first; a tap gives the choice’s value at once, and 全部 gives none', () => {
  const onChange = jest.fn();
  render(<ChoiceRow label="法律" value="civil-code" choices={LAWS} onChange={onChange} />);
  const element = screen.getByLabelText('法律');
  const row = within(element);
  const radios = [...element.querySelectorAll('.nut-radio')];
  expect(radios.map((radio) => radio.textContent)).toEqual(['全部', '民法典', '宪法']);
  expect(radios.map((radio) => radio.getAttribute('aria-checked'))).toEqual(['false', 'true', 'false']);

  fireEvent.click(row.getByText('宪法'));
  expect(onChange).toHaveBeenLastCalledWith('constitution');
  fireEvent.click(row.getByText('全部'));
  expect(onChange).toHaveBeenLastCalledWith('');
});

// NutUI's date and time pickers as a finger works them in the app's component tests.
import { act, fireEvent, screen } from '@testing-library/react';
import { settle } from './office-app';

/**
 * Rolls one column of the open date or time picker by `lines` (positive: later values, negative: earlier),
 * as a finger does: slowly, so that no momentum carries it further, then the roll's transition ends.
 */
export async function rollPickerColumn(column: number, lines: number) {
  const list = document.querySelectorAll('.nut-pickerview-list')[column];
  const touch = (type: string, y: number) => {
    const event = Object.assign(new Event(type, { bubbles: true, cancelable: true }), { touches: [{ clientX: 0, clientY: y, pageX: 0, pageY: y }] });
    list.dispatchEvent(event);
  };
  await act(async () => touch('touchstart', 300));
  await act(async () => touch('touchmove', 300 - 18 * lines));
  await act(async () => touch('touchmove', 300 - 36 * lines));
  await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
  await act(async () => touch('touchend', 300 - 36 * lines));
  fireEvent.transitionEnd(list.querySelector('.nut-pickerview-roller')!);
  await settle();
}

/** Taps the value labelled `label` open, rolls one column of its picker by `lines` and confirms. */
export async function pickByRolling(label: string, column: number, lines: number) {
  fireEvent.click(screen.getByLabelText(label));
  await settle();
  await rollPickerColumn(column, lines);
  fireEvent.click(document.querySelector('.nut-picker-confirm-btn')!);
  await settle();
}

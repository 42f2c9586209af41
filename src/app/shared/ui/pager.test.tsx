import { fireEvent, render, screen } from '@testing-library/react';
import { Pager } from './pager';

const pageNumbers = () => [...document.querySelectorAll('.nut-pagination-item')].map((item) => item.textContent);

test('a list that fits on one page has no page numbers under it', () => {
  render(<Pager page={1} total={20} pageSize={20} onChange={jest.fn()} />);
  expect(document.querySelector('.nut-pagination')).toBeNull();
});

test('a longer list shows five page numbers around the current one; a tap, or 下一页, asks for that page', () => {
  const onChange = jest.fn();
  render(<Pager page={6} total={201} pageSize={20} onChange={onChange} />);
  expect(pageNumbers()).toEqual(['4', '5', '6', '7', '8']);
  expect(document.querySelector('.nut-pagination-item-active')?.textContent).toBe('6');

  fireEvent.click(screen.getByText('8'));
  expect(onChange).toHaveBeenLastCalledWith(8);
  fireEvent.click(screen.getByText('下一页'));
  expect(onChange).toHaveBeenLastCalledWith(7);
});

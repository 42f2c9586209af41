import { Pagination } from '@nutui/nutui-react-taro';
import './pager.scss';

interface PagerProps {
  page: number;
  total: number;
  pageSize: number;
  onChange: (page: number) => void;
}

/** The page numbers under a list the server sends a page at a time; nothing when it all fits on one page. */
export function Pager({ page, total, pageSize, onChange }: PagerProps) {
  if (total <= pageSize) return null;
  return <Pagination className="pager" value={page} total={total} pageSize={pageSize} itemSize={5} onChange={onChange} />;
}
